using CodeRunner.Tests.Support;

namespace CodeRunner.Tests.Sessions;

/// <summary>One caller cannot hold more than Sessions:MaxPerCaller sessions open on a frontend; a place comes back when its session ends.</summary>
public sealed class SessionsPerCallerTests(OneSessionPerCallerFrontend app) : IClassFixture<OneSessionPerCallerFrontend>
{
    [Fact]
    public async Task ASecondOpenSessionOfTheSameCallerIsClosedWith4429UntilTheFirstEnds()
    {
        await using (var first = await SessionClient.ConnectAsync(app.SessionsUri))
        {
            // The first holds its place while it waits for its start message.
            await using var second = await SessionClient.ConnectAsync(app.SessionsUri);
            Assert.Equal(4429, await second.UntilClosedAsync());
            Assert.Contains("Sessions:MaxPerCaller", second.Error!.Value.GetProperty("message").GetString());

            await first.SendRawAsync("{\"type\":\"nonsense\"}");
            Assert.Equal(4400, await first.UntilClosedAsync());
        }

        // Its place is back: the next session gets as far as its start message (a bad one, 4400, not 4429).
        await Eventually.True(async () =>
        {
            await using var next = await SessionClient.ConnectAsync(app.SessionsUri);
            await next.SendRawAsync("{\"type\":\"nonsense\"}");
            return await next.UntilClosedAsync() == 4400;
        }, Eventually.Soon, "a new session is let in after the first ended");
    }
}
