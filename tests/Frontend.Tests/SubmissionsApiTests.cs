using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CodeRunner.Tests;

/// <summary>The submissions API's routing, validation and errors, in process, with no silo.</summary>
public sealed class SubmissionsApiTests(StatelessFrontend app) : IClassFixture<StatelessFrontend>
{
    private readonly HttpClient _http = app.CreateClient();

    private Task<HttpResponseMessage> Post(string path, string json) => _http.PostJsonAsync(path, json);

    private static Task<JsonElement> Json(HttpResponseMessage response) => response.ReadJsonAsync();

    [Fact]
    public async Task SubmitAnswers202WithLocationAndTheQueuedSubmission()
    {
        var response = await Post("/api/v1/submissions", """{"language":"py","source":"print(1)"}""");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await Json(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/submissions/{id}", response.Headers.Location!.ToString());
        Assert.Equal("Queued", body.GetProperty("status").GetString());
        Assert.Equal("python", body.GetProperty("language").GetString());

        var read = await _http.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{id}");
        Assert.Equal("Queued", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SameIdempotencyKeyReturnsTheFirstSubmission()
    {
        async Task<Guid> Submit(string source)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/submissions")
            {
                Content = new StringContent($$"""{"language":"python","source":"{{source}}"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", "editor-42");
            return (await Json(await _http.SendAsync(request))).GetProperty("id").GetGuid();
        }
        Assert.Equal(await Submit("print(1)"), await Submit("print(2)"));
    }

    [Fact]
    public async Task CancellingAQueuedSubmissionCompletesItAsCancelledAndItsHistorySaysSo()
    {
        var id = (await Json(await Post("/api/v1/submissions", """{"language":"bash","source":"echo hi"}"""))).GetProperty("id").GetGuid();
        var cancelled = await _http.DeleteAsync($"/api/v1/submissions/{id}");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var body = await Json(cancelled);
        Assert.Equal("Completed", body.GetProperty("status").GetString());
        Assert.Equal("Cancelled", body.GetProperty("verdict").GetString());
        var history = await _http.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{id}/history");
        Assert.Equal(["Accepted", "Completed"], history.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/submissions/{0}", "GET")]
    [InlineData("/api/v1/submissions/{0}", "DELETE")]
    [InlineData("/api/v1/submissions/{0}/events", "GET")]
    [InlineData("/api/v1/submissions/{0}/history", "GET")]
    public async Task UnknownIdIs404Problem(string path, string method)
    {
        var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), string.Format(path, Guid.NewGuid())));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("""{"language":""", 400, null)]
    [InlineData("""{"language":"python","files":"not an array"}""", 400, null)]
    [InlineData("""{"language":"python","files":[{"name":"../x.py","content":""}]}""", 400, "files[0].name")]
    [InlineData("""{"language":"python","source":"x","files":[{"name":"a.py","content":""}]}""", 400, "source")]
    [InlineData("""{"language":"python","files":[{"name":"a.py","content":"!!","encoding":"Base64"}]}""", 400, "files[0].content")]
    [InlineData("""{"language":"cobol","source":"x"}""", 422, "language")]
    [InlineData("""{"language":"python","source":"x","limits":{"cpuTimeMs":99999999}}""", 422, "limits.cpuTimeMs")]
    [InlineData("""{"language":"python","source":"x","priority":1000}""", 400, "priority")]
    public async Task BadSubmissionsAreProblemsNamingTheField(string json, int status, string? field)
    {
        var response = await Post("/api/v1/submissions", json);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await Json(response);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        if (field is not null)
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task OversizedStdinIs413()
    {
        var json = JsonSerializer.Serialize(new { language = "python", source = "x", stdin = new string('a', 17 << 20) });
        var response = await Post("/api/v1/submissions", json);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task BatchAcceptsAllOrNoneAndNamesTheBadItem()
    {
        var ok = await Post("/api/v1/submissions/batch", """[{"language":"python","source":"print(1)"},{"language":"bash","source":"echo 2"}]""");
        Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        Assert.Equal(2, (await Json(ok)).GetArrayLength());

        var bad = await Post("/api/v1/submissions/batch", """[{"language":"python","source":"print(1)"},{"language":"nope","source":"x"}]""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.True((await Json(bad)).GetProperty("errors").TryGetProperty("[1].language", out _));

        var tooMany = await Post("/api/v1/submissions/batch", "[" + string.Join(",", Enumerable.Repeat("""{"language":"bash","source":"echo"}""", 21)) + "]");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
    }

    [Fact]
    public async Task LanguagesListsTheDefinitionsWithTheirLimits()
    {
        var languages = await _http.GetFromJsonAsync<JsonElement>("/api/v1/languages");
        var python = languages.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "python");
        Assert.Equal("main.py", python.GetProperty("sourceFile").GetString());
        Assert.True(python.GetProperty("maximumLimits").GetProperty("cpuTimeMs").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/v1/languages/cobol")).StatusCode);
        Assert.Equal("python", (await _http.GetFromJsonAsync<JsonElement>("/api/v1/languages/py3".Replace("py3", "python3"))).GetProperty("id").GetString());
    }
}
