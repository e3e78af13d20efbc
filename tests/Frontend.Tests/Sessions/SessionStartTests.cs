using CodeRunner.Tests.Support;

namespace CodeRunner.Tests.Sessions;

/// <summary>Start messages are checked at the edge: no silo is needed to refuse them.</summary>
public sealed class SessionStartTests(StatelessSessionFrontend app) : IClassFixture<StatelessSessionFrontend>
{
    [Theory]
    [InlineData("not json", "not valid")]
    [InlineData("""{"type":"stdin","data":"x"}""", "first message")]
    [InlineData("""{"type":"start","files":[{"name":"main.py","content":""}]}""", "language is required")]
    [InlineData("""{"type":"start","language":"cobol","files":[{"name":"main.cob","content":""}]}""", "unknown language")]
    [InlineData("""{"type":"start","language":"python","files":[]}""", "at least one file")]
    [InlineData("""{"type":"start","language":"python","files":[{"name":"../x.py","content":""}]}""", "files[0].name")]
    [InlineData("""{"type":"start","language":"python","files":[{"name":"main.py","content":""}],"limits":{"memoryBytes":-1}}""", "limits.memoryBytes")]
    [InlineData("""{"type":"start","language":"python","files":[{"name":"main.py","content":""}],"tty":true,"cols":0}""", "cols and rows")]
    public async Task BadStartMessagesAreClosedWith4400SayingWhy(string start, string reason)
    {
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.SendRawAsync(start);
        Assert.Equal(4400, await session.UntilClosedAsync());
        Assert.Contains(reason, session.Error!.Value.GetProperty("message").GetString());
        Assert.Equal(4400, session.Error.Value.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task ValidStartWithNoSiloToRunItIsClosedWith4503()
    {
        await using var session = await SessionClient.ConnectAsync(app.SessionsUri);
        await session.StartAsync("python", "main.py", "print(1)");
        Assert.Equal(4503, await session.UntilClosedAsync());
    }

    [Fact]
    public async Task PlainGetIsAProblemNotASession()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/sessions");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
