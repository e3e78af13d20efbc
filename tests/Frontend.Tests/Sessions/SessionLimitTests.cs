using CodeRunner.Tests.Support;

namespace CodeRunner.Tests.Sessions;

/// <summary>Session limits: idle, duration, output.</summary>
public sealed class SessionLimitTests(ShortIdleFrontend app) : IClassFixture<ShortIdleFrontend>
{
    [Fact]
    public async Task SessionThatKeepsTalkingIsClosedAtItsTimeLimitWith4409()
    {
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("python", "main.py", "import time\nwhile True:\n    print('tick')\n    time.sleep(0.3)\n");
        await session.UntilStdoutContainsAsync("tick");
        Assert.Equal(4409, await session.UntilClosedAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("time limit", session.Error!.Value.GetProperty("message").GetString());
    }

    [Fact]
    public async Task OutputFloodIsClosedWith4413()
    {
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("python", "main.py", "while True:\n    print('x' * 1000)\n");
        Assert.Equal(4413, await session.UntilClosedAsync(TimeSpan.FromSeconds(30)));
        Assert.InRange(session.Stdout.Length, 1, 1048576);
    }

    [Fact]
    public async Task InputFloodIntoAProgramThatNeverReadsIsClosedWith4413()
    {
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("python", "main.py", "import time\nprint('not reading', flush=True)\ntime.sleep(30)\n");
        await session.UntilStdoutContainsAsync("not reading");
        var chunk = new string('y', 4096);
        for (var i = 0; i < 17; i++)
            await session.StdinAsync(chunk); // the 17th crosses the 64 KiB allowance: nothing is sent after the server closes
        Assert.Equal(4413, await session.UntilClosedAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("bytes of input", session.Error!.Value.GetProperty("message").GetString());
    }

    [Fact]
    public async Task IdleSessionIsClosedWith4408()
    {
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("python", "main.py", "print('waiting', flush=True)\ninput()\n");
        await session.UntilStdoutContainsAsync("waiting");
        Assert.Equal(4408, await session.UntilClosedAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(4408, session.Error!.Value.GetProperty("code").GetInt32());
        Assert.Null(session.Result);
    }
}
