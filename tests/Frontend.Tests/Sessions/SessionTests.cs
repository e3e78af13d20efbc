using CodeRunner.Tests.Support;

namespace CodeRunner.Tests.Sessions;

/// <summary>Interactive sessions end to end on a single node: real sandboxes, the client of tests/TestSupport/SessionClient.cs.</summary>
public sealed class SessionTests(SessionFrontend app) : IClassFixture<SessionFrontend>
{
    private const string Prompts = """
        name = input("name? ")
        print("hello " + name)
        age = input("age? ")
        print(f"{name} is {age}")
        """;

    [Fact]
    public async Task ProgramThatPromptsTwiceGetsEachAnswerAfterItsPrompt()
    {
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("python", "main.py", Prompts);
        await session.UntilStdoutContainsAsync("name? ");
        Assert.Equal("name? ", session.Stdout); // nothing runs ahead of the answer
        await session.StdinAsync("Ada\n");
        await session.UntilStdoutContainsAsync("age? ");
        Assert.Equal("name? hello Ada\nage? ", session.Stdout);
        await session.StdinAsync("36\n");
        Assert.Equal(1000, await session.UntilClosedAsync());
        Assert.Equal("name? hello Ada\nage? Ada is 36\n", session.Stdout);
        Assert.Equal("Accepted", session.Result!.Value.GetProperty("verdict").GetString());
        Assert.Equal(0, session.Result.Value.GetProperty("exitCode").GetInt32());
        Assert.Equal(["queued", "running"], States(session));
    }

    [Fact]
    public async Task CompiledProgramReadingUntilEndOfInputExitsNormallyWhenTheClientSendsEof()
    {
        const string echo = """
            #include <stdio.h>
            int main(void) {
                int c; long n = 0;
                while ((c = getchar()) != EOF) { putchar(c); n++; }
                printf("bytes=%ld\n", n);
                return 0;
            }
            """;
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("c", "main.c", echo);
        await session.UntilAsync(s => States(s).Contains("running"), "the program runs");
        await session.StdinAsync("abc\n");
        await session.StdinAsync("de");
        await session.EofAsync();
        Assert.Equal(1000, await session.UntilClosedAsync());
        Assert.Equal("abc\ndebytes=6\n", session.Stdout);
        Assert.Equal("Accepted", session.Result!.Value.GetProperty("verdict").GetString());
        Assert.Equal(["queued", "compiling", "running"], States(session));
    }

    [Fact]
    public async Task InfiniteLoopIsInterruptedByASigintFromTheClient()
    {
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("python", "main.py", "print('looping', flush=True)\nwhile True:\n    pass\n");
        await session.UntilStdoutContainsAsync("looping");
        await session.SignalAsync("SIGINT");
        Assert.Equal(1000, await session.UntilClosedAsync());
        Assert.Contains("KeyboardInterrupt", session.Stderr);
        var result = session.Result!.Value;
        Assert.Equal("RuntimeError", result.GetProperty("verdict").GetString());
        Assert.Equal(2, result.GetProperty("signal").GetInt32()); // Python re-raises SIGINT after its traceback
    }

    [Fact]
    public async Task TwoConcurrentSessionsDoNotSeeEachOthersInputOutputOrFiles()
    {
        static string Program(string tag) => $$"""
            import os
            open("mine-{{tag}}.txt", "w").write("x")
            line = input("ready\n")
            print("got", line, "files", sorted(f for f in os.listdir(".") if f.startswith("mine-")))
            """;
        await using var a = await SessionClient.ConnectAsync(app.SessionsUri);
        await using var b = await SessionClient.ConnectAsync(app.SessionsUri);
        await a.StartAsync("python", "main.py", Program("A"));
        await b.StartAsync("python", "main.py", Program("B"));
        await Task.WhenAll(a.UntilStdoutContainsAsync("ready"), b.UntilStdoutContainsAsync("ready"));
        await a.StdinAsync("from-A\n");
        await b.StdinAsync("from-B\n");
        await Task.WhenAll(a.UntilClosedAsync(), b.UntilClosedAsync());
        Assert.Equal("ready\ngot from-A files ['mine-A.txt']\n", a.Stdout);
        Assert.Equal("ready\ngot from-B files ['mine-B.txt']\n", b.Stdout);
    }

    [Theory]
    [InlineData(true, "True")]
    [InlineData(false, "False")]
    public async Task StdoutIsATerminalInTtyModeOnly(bool tty, string expected)
    {
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("python", "main.py", "import sys\nprint(sys.stdout.isatty(), sys.stdin.isatty())", tty: tty);
        Assert.Equal(1000, await session.UntilClosedAsync());
        // A terminal turns \n into \r\n; stdout and stderr are one stream there.
        Assert.Equal($"{expected} {expected}" + (tty ? "\r\n" : "\n"), session.Stdout);
    }

    [Fact]
    public async Task ResizeChangesTheTerminalSizeTheProgramSees()
    {
        const string sizes = """
            import os, sys
            print("size", os.get_terminal_size())
            sys.stdin.readline()
            print("size", os.get_terminal_size())
            """;
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("python", "main.py", sizes, tty: true, cols: 80, rows: 24);
        await session.UntilStdoutContainsAsync("columns=80, lines=24");
        await session.ResizeAsync(100, 30);
        await session.StdinAsync("\n");
        await session.UntilStdoutContainsAsync("columns=100, lines=30");
        Assert.Equal(1000, await session.UntilClosedAsync());
    }

    [Fact]
    public async Task SigintInTtyModeReachesTheForegroundProgram()
    {
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("python", "main.py", "import time\ntry:\n    print('waiting')\n    time.sleep(60)\nexcept KeyboardInterrupt:\n    print('interrupted')\n", tty: true);
        await session.UntilStdoutContainsAsync("waiting");
        await session.SignalAsync("SIGINT");
        Assert.Equal(1000, await session.UntilClosedAsync());
        Assert.Contains("interrupted", session.Stdout);
        Assert.Equal(0, session.Result!.Value.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task BadFrameDuringARunClosesTheSessionWith4400()
    {
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("python", "main.py", "print('up', flush=True)\ninput()\n");
        await session.UntilStdoutContainsAsync("up");
        await session.SendAsync(new { type = "teleport" });
        Assert.Equal(4400, await session.UntilClosedAsync());
        Assert.Equal(4400, session.Error!.Value.GetProperty("code").GetInt32());
        Assert.Contains("teleport", session.Error.Value.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CompileErrorEndsTheSessionWithItsVerdict()
    {
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("c", "main.c", "int main(void) { return nope; }");
        Assert.Equal(1000, await session.UntilClosedAsync());
        Assert.Equal("CompilationError", session.Result!.Value.GetProperty("verdict").GetString());
        Assert.Contains("nope", session.Compile);
    }

    private static List<string?> States(SessionClient session) =>
        session.Messages.Where(m => m.GetProperty("type").GetString() == "status").Select(m => m.GetProperty("state").GetString()).ToList();
}
