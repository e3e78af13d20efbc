using CodeRunner.Tests.Support;

namespace CodeRunner.Tests.Sessions;

/// <summary>
/// Interactive sessions end to end with gVisor's runtime: the same protocol through the frontend's
/// WebSocket, the program in a runsc sandbox. (In tty mode gVisor's terminal ignores ^D: docs/api.md.)
/// </summary>
public sealed class SessionsOnGvisorTests(GvisorSessionFrontend app) : IClassFixture<GvisorSessionFrontend>
{
    [Fact]
    public async Task ProgramGetsEachAnswerAfterItsPromptThenTheEndOfItsInput()
    {
        const string program = """
            import sys
            name = input("name? ")
            print("hello " + name, flush=True)
            rest = sys.stdin.read()
            print(f"then {len(rest)} bytes")
            """;
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("python", "main.py", program);
        await session.UntilStdoutContainsAsync("name? ");
        Assert.Equal("name? ", session.Stdout);
        await session.StdinAsync("Ada\n");
        await session.UntilStdoutContainsAsync("hello Ada\n");
        await session.StdinAsync("abc");
        await session.EofAsync();
        Assert.Equal(1000, await session.UntilClosedAsync());
        Assert.Equal("name? hello Ada\nthen 3 bytes\n", session.Stdout);
        Assert.Equal("Accepted", session.Result!.Value.GetProperty("verdict").GetString());
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
        Assert.Equal("RuntimeError", session.Result!.Value.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task InTtyModeTheProgramHasATerminalThatEchoesWhatIsTypedAndFollowsResizes()
    {
        const string program = """
            import os, sys
            print(sys.stdin.isatty(), sys.stdout.isatty(), os.get_terminal_size())
            name = input("name? ")
            print("hello " + name, os.get_terminal_size())
            """;
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("python", "main.py", program, tty: true, cols: 80, rows: 24);
        await session.UntilStdoutContainsAsync("name? ");
        Assert.StartsWith("True True os.terminal_size(columns=80, lines=24)\r\n", session.Stdout);
        await session.ResizeAsync(100, 30);
        await session.StdinAsync("Ada\r"); // Enter, as a terminal sends it
        Assert.Equal(1000, await session.UntilClosedAsync());
        Assert.EndsWith("name? Ada\r\nhello Ada os.terminal_size(columns=100, lines=30)\r\n", session.Stdout); // the terminal echoed the name
    }
}
