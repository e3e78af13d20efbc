using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CodeRunner.Tests;

/// <summary>The submission flows end to end: a single node (frontend and silo in one process) on the real Docker engine.</summary>
public sealed class SubmissionFlowTests(SingleNodeFrontend app) : IClassFixture<SingleNodeFrontend>
{
    private readonly HttpClient _http = app.CreateClient();

    private Task<HttpResponseMessage> Post(string path, string json) => _http.PostJsonAsync(path, json);

    private static Task<JsonElement> Json(HttpResponseMessage response) => response.ReadJsonAsync();

    [Fact]
    public async Task WaitTrueAnswersWithTheFinishedResult()
    {
        var response = await Post("/api/v1/submissions?wait=true", """{"language":"python","source":"print(input()[::-1])","stdin":"olleh","expectedOutput":"hello"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        Assert.Equal("Completed", body.GetProperty("status").GetString());
        Assert.Equal("Accepted", body.GetProperty("verdict").GetString());
        Assert.Equal("hello\n", body.GetProperty("stdout").GetString());
    }

    [Fact]
    public async Task TestCasesGetAVerdictEachAndOneOverall()
    {
        var response = await Post("/api/v1/submissions?wait=true",
            """{"language":"python","source":"print(int(input()) * 2)","testCases":[{"stdin":"1","expectedOutput":"2"},{"stdin":"5","expectedOutput":"11"}]}""");
        var body = await Json(response);
        Assert.Equal("WrongAnswer", body.GetProperty("verdict").GetString());
        Assert.Equal(["Accepted", "WrongAnswer"], body.GetProperty("testCases").EnumerateArray().Select(c => c.GetProperty("verdict").GetString()));
        Assert.Equal("10\n", body.GetProperty("testCases")[1].GetProperty("stdout").GetString());
    }

    [Fact]
    public async Task LanguageWithAVersionSelectorMustMatchWhatTheClusterRuns()
    {
        await Support.Eventually.True(async () => (await _http.GetFromJsonAsync<JsonElement>("/api/v1/languages/python")).GetProperty("version").GetString() != "unknown",
            TimeSpan.FromSeconds(30), "the silo published its versions");
        var matching = await Post("/api/v1/submissions?wait=true", """{"language":"python","version":"3","source":"print(1)"}""");
        Assert.Equal("Accepted", (await Json(matching)).GetProperty("verdict").GetString());
        var other = await Post("/api/v1/submissions", """{"language":"python","version":"2.7","source":"print 1"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.True((await Json(other)).GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task RunsAnswersWithTheResultItself()
    {
        var result = await Json(await Post("/api/v1/runs", """{"language":"bash","source":"echo $((6*7)); exit 3"}"""));
        Assert.Equal("RuntimeError", result.GetProperty("verdict").GetString());
        Assert.Equal(3, result.GetProperty("exitCode").GetInt32());
        Assert.Equal("42\n", result.GetProperty("stdout").GetString());
    }

    [Fact]
    public async Task EventsStreamStatusChangesThenTheResult()
    {
        var submitted = await Json(await Post("/api/v1/submissions", """{"language":"python","source":"import time\ntime.sleep(0.5)\nprint('done')"}"""));
        var id = submitted.GetProperty("id").GetGuid();
        using var response = await _http.GetAsync($"/api/v1/submissions/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var stream = await response.Content.ReadAsStringAsync(); // the server ends the stream after the result
        var events = stream.Split('\n').Where(l => l.StartsWith("event: ", StringComparison.Ordinal)).Select(l => l[7..]).ToList();
        Assert.Equal("result", events[^1]);
        Assert.All(events[..^1], e => Assert.Equal("status", e));
        var last = stream.Split('\n').Last(l => l.StartsWith("data: ", StringComparison.Ordinal))[6..];
        Assert.Equal("done\n", JsonDocument.Parse(last).RootElement.GetProperty("stdout").GetString());
    }

    [Fact]
    public async Task CancellingARunningSubmissionStopsIt()
    {
        var submitted = await Json(await Post("/api/v1/submissions", """{"language":"python","source":"import time\ntime.sleep(60)","limits":{"wallTimeMs":30000}}"""));
        var id = submitted.GetProperty("id").GetGuid();
        await Support.Eventually.True(async () => (await _http.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{id}")).GetProperty("status").GetString() == "Running",
            TimeSpan.FromSeconds(30), "it runs");
        Assert.Equal(HttpStatusCode.Accepted, (await _http.DeleteAsync($"/api/v1/submissions/{id}")).StatusCode);
        await Support.Eventually.True(async () => (await _http.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{id}")).GetProperty("status").GetString() == "Completed",
            TimeSpan.FromSeconds(30), "it ends");
        Assert.Equal("Cancelled", (await _http.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{id}")).GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task LanguagesShowTheVersionsTheSiloRuns()
    {
        await Support.Eventually.True(async () => (await _http.GetFromJsonAsync<JsonElement>("/api/v1/languages/python")).GetProperty("version").GetString()!.StartsWith("Python 3", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the silo published its versions");
    }
}
