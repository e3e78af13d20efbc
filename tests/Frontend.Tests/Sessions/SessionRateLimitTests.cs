using CodeRunner.Tests.Support;

namespace CodeRunner.Tests.Sessions;

/// <summary>A session handshake counts against the caller's rate limit, and a refusal is said on the socket.</summary>
public sealed class SessionRateLimitTests(RateLimitedSessionFrontend app) : IClassFixture<RateLimitedSessionFrontend>
{
    [Fact]
    public async Task SessionOverTheRateLimitIsClosedWith4429()
    {
        await using (var first = await SessionClient.ConnectAsync(app.SessionsUri))
        {
            await first.StartAsync("python", "main.py", "print(1)");
            Assert.Equal(4503, await first.UntilClosedAsync()); // allowed through; no silo to run it
        }
        await using var second = await SessionClient.ConnectAsync(app.SessionsUri);
        Assert.Equal(4429, await second.UntilClosedAsync());
        Assert.Contains("try again", second.Error!.Value.GetProperty("message").GetString());
    }
}
