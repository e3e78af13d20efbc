using CodeRunner.Tests.Support;

namespace CodeRunner.Tests.Sessions;

/// <summary>Sessions ask for keys like the rest of the API, and say so on the socket.</summary>
public sealed class SessionAuthTests(KeyedSessionFrontend app) : IClassFixture<KeyedSessionFrontend>
{
    [Theory]
    [InlineData("")]
    [InlineData("?apiKey=crk_not_a_key")]
    public async Task SessionWithoutAValidKeyIsClosedWith4401(string query)
    {
        await using var session = await SessionClient.ConnectAsync(new Uri(app.SessionsUri + query));
        Assert.Equal(4401, await session.UntilClosedAsync());
        Assert.Equal(4401, session.Error!.Value.GetProperty("code").GetInt32());
    }
}
