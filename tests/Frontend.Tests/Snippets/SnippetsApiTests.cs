using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CodeRunner.Tests.Snippets;

/// <summary>The snippets API (the playground's share links): round trip, ids, errors, OpenAPI and keys, in process, with no silo.</summary>
public sealed partial class SnippetsApiTests(StatelessFrontend app) : IClassFixture<StatelessFrontend>
{
    private readonly HttpClient _http = app.CreateClient();

    [GeneratedRegex("^[0-9A-Za-z]{12}$")]
    private static partial Regex SnippetId();

    private async Task<JsonElement> ShareAsync(string json)
    {
        var response = await _http.PostJsonAsync("/api/v1/snippets", json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task ASharedSnippetReadsBackWithItsLanguageFilesAndStdin()
    {
        var response = await _http.PostJsonAsync("/api/v1/snippets",
            """{"language":"py","files":[{"name":"main.py","content":"print('héllo', input())\n"},{"name":"lib/util.py","content":""}],"stdin":"world\n"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        var id = created.GetProperty("id").GetString()!;
        Assert.Matches(SnippetId(), id);
        Assert.Equal($"/api/v1/snippets/{id}", response.Headers.Location!.ToString());
        Assert.EndsWith($"/?s={id}", created.GetProperty("url").GetString());

        var read = await (await _http.GetAsync($"/api/v1/snippets/{id}")).ReadJsonAsync();
        Assert.Equal((id, "python", "world\n"), (read.GetProperty("id").GetString(), read.GetProperty("language").GetString(), read.GetProperty("stdin").GetString()));
        Assert.Equal(
            [("main.py", "print('héllo', input())\n"), ("lib/util.py", "")],
            read.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("name").GetString(), f.GetProperty("content").GetString())));
        Assert.Equal(created.GetProperty("url").GetString(), read.GetProperty("url").GetString());
    }

    [Fact]
    public async Task SharingTheSameCodeTwiceGivesTwoIds()
    {
        const string body = """{"language":"bash","files":[{"name":"main.sh","content":"echo hi"}]}""";

        var first = (await ShareAsync(body)).GetProperty("id").GetString();
        var second = (await ShareAsync(body)).GetProperty("id").GetString();

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("AbCdEfGh1234")]
    [InlineData("not-an-id")]
    [InlineData("..%2F..%2Fetc")]
    public async Task AnUnknownSnippetIs404ProblemDetails(string id)
    {
        var response = await _http.GetAsync($"/api/v1/snippets/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Unknown snippet", (await response.ReadJsonAsync()).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("""{"files":[{"name":"main.py","content":"x"}]}""", 400, "language")]
    [InlineData("""{"language":"python"}""", 400, "files")]
    [InlineData("""{"language":"python","files":[]}""", 400, "files")]
    [InlineData("""{"language":"python","files":[{"name":"../x.py","content":"x"}]}""", 400, "files[0].name")]
    [InlineData("""{"language":"python","files":[{"content":"x"}]}""", 400, "files[0].name")]
    [InlineData("""{"language":"python","files":[{"name":"main.py"}]}""", 400, "files[0].content")]
    [InlineData("""{"language":"python","files":[{"name":"a.py","content":""},{"name":"a.py","content":""}]}""", 400, "files[1].name")]
    [InlineData("""{"language":"cobol","files":[{"name":"main.cob","content":"x"}]}""", 422, "language")]
    public async Task AnInvalidSnippetIsAProblemNamingTheField(string body, int status, string field)
    {
        var response = await _http.PostJsonAsync("/api/v1/snippets", body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field}");
    }

    [Fact]
    public async Task SnippetsOverTheSizeLimitsAre413ProblemsNamingTheField()
    {
        var bigFile = JsonSerializer.Serialize(new { language = "python", files = new[] { new { name = "main.py", content = new string('x', 256 * 1024 + 1) } } });
        var bigStdin = JsonSerializer.Serialize(new { language = "python", files = new[] { new { name = "main.py", content = "" } }, stdin = new string('x', 64 * 1024 + 1) });
        var manyFiles = JsonSerializer.Serialize(new { language = "python", files = Enumerable.Range(0, 17).Select(i => new { name = $"f{i}.py", content = "" }) });

        foreach (var (body, field) in new[] { (bigFile, "files[0].content"), (bigStdin, "stdin"), (manyFiles, "files") })
        {
            var response = await _http.PostJsonAsync("/api/v1/snippets", body);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field}");
        }
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheSnippetRoutes()
    {
        var paths = (await (await _http.GetAsync("/openapi/v1.json")).ReadJsonAsync()).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/v1/snippets").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/snippets/{id}").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task WithoutAnonymousAccessSnippetsNeedAKeyButThePlaygroundPageDoesNot()
    {
        await using var closed = new ConfiguredFrontend(new Dictionary<string, string> { ["Auth:AllowAnonymous"] = "false" });
        var http = closed.CreateClient();

        var share = await http.PostJsonAsync("/api/v1/snippets", """{"language":"python","files":[{"name":"main.py","content":"x"}]}""");
        var read = await http.GetAsync("/api/v1/snippets/AbCdEfGh1234");
        var page = await http.GetAsync("/");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (share.StatusCode, read.StatusCode));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("assets/playground.js", await page.Content.ReadAsStringAsync());
    }
}
