namespace CodeRunner.Tests;

/// <summary><c>coderun run</c> against a real single node over HTTP: exit codes, streams and stdin as a shell sees them.</summary>
[Collection(CliCollection.Name)]
public sealed class RunCommandTests(CliFrontend service) : IDisposable
{
    private readonly ProgramFiles _files = new();

    private Task<CliResult> Run(byte[]? stdin, params string[] args) =>
        Coderun.RunAsync(["run", "--endpoint", service.Endpoint, .. args], stdin);

    [Fact]
    public async Task HelloWorldInPythonPrintsItAndExitsZero()
    {
        var hello = _files.Write("hello.py", "print('hello, world')");
        var result = await Run(null, hello);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("hello, world\n", result.Stdout);
        Assert.StartsWith("coderun: Accepted", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProgramThatExitsThreeMakesCoderunExitThreeAndShowsItsStderr()
    {
        var script = _files.Write("fail.sh", "echo partial\necho oops >&2\nexit 3\n");
        var result = await Run(null, script);
        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("partial\n", result.Stdout);
        Assert.StartsWith("oops\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("RuntimeError (exit code 3)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipedStdinReachesTheProgram()
    {
        var reverse = _files.Write("reverse.py", "print(input()[::-1])");
        var result = await Run("olleh\n"u8.ToArray(), reverse);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("hello\n", result.Stdout);
    }

    [Fact]
    public async Task TheStdinOptionWinsOverAPipe()
    {
        var cat = _files.Write("cat.sh", "cat");
        var result = await Run("from the pipe"u8.ToArray(), cat, "--stdin", "from the option");
        Assert.Equal("from the option", result.Stdout);
    }

    [Fact]
    public async Task TheLanguageOptionRunsAFileWhoseExtensionSaysNothing()
    {
        var script = _files.Write("script.txt", "echo \"$BASH_VERSION\" | cut -d. -f1");
        var result = await Run(null, script, "--language", "bash");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches("^[0-9]+\n$", result.Stdout);
    }

    [Fact]
    public async Task AnExtensionNoLanguageHasIsAUsageErrorThatAsksForTheLanguageOption()
    {
        var script = _files.Write("script.xyz", "echo hi");
        var result = await Run(null, script);
        Assert.Equal(64, result.ExitCode);
        Assert.Contains("--language", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(".py", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownLanguageIsRejectedWithTheServicesProblem()
    {
        var script = _files.Write("main.cob", "DISPLAY 'HI'.");
        var result = await Run(null, script, "--language", "cobol");
        Assert.True(result.ExitCode == 65, result.ToString());
        Assert.Contains("422", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("cobol", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.StdoutBytes);
    }

    [Fact]
    public async Task BytesThatAreNotUtf8SurviveStdinAndStdoutByteForByte()
    {
        byte[] bytes = [0xff, 0xfe, 0x00, 0x80, 0x41, 0xc3, 0x28, 0x0a];
        var echo = _files.Write("echo.py", "import sys\nsys.stdout.buffer.write(sys.stdin.buffer.read())");
        var result = await Run(bytes, echo);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(bytes, result.StdoutBytes);
    }

    [Fact]
    public async Task SeveralFilesKeepTheirPathsRelativeToTheFirst()
    {
        var main = _files.Write("main.py", "from lib import util\nprint(util.GREETING)");
        var util = _files.Write("lib/util.py", "GREETING = 'from a module'");
        var result = await Run(null, main, util);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("from a module\n", result.Stdout);
    }

    [Fact]
    public async Task ArgumentsReachTheProgram()
    {
        var args = _files.Write("args.sh", "echo \"$# $1 $2\"");
        var result = await Run(null, args, "--arg", "one", "--arg", "two words");
        Assert.Equal("2 one two words\n", result.Stdout);
    }

    [Fact]
    public async Task AProgramPastItsWallTimeExitsWithTheTimeLimitCode()
    {
        var sleep = _files.Write("sleep.py", "import time\ntime.sleep(10)");
        var result = await Run(null, sleep, "--wall-time", "500");
        Assert.True(result.ExitCode == 112, result.ToString());
        Assert.Contains("TimeLimitExceeded", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongAnswerExitsWithItsOwnCodeNotZero()
    {
        var program = _files.Write("answer.py", "print(41)");
        var expected = _files.Write("expected.txt", "42\n");
        var result = await Run(null, program, "--expected", expected);
        Assert.True(result.ExitCode == 110, result.ToString());
        Assert.Contains("WrongAnswer", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonPrintsTheFinalDocumentInsteadOfTheOutput()
    {
        var hello = _files.Write("hi.py", "print('hi')");
        var result = await Run(null, hello, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var document = System.Text.Json.JsonDocument.Parse(result.StdoutBytes).RootElement;
        Assert.Equal("Completed", document.GetProperty("status").GetString());
        Assert.Equal("Accepted", document.GetProperty("verdict").GetString());
        Assert.Equal("Base64", document.GetProperty("outputEncoding").GetString());
        Assert.Equal("hi\n"u8.ToArray(), Convert.FromBase64String(document.GetProperty("stdout").GetString()!));
        Assert.Empty(result.StderrBytes);
    }

    public void Dispose() => _files.Dispose();
}
