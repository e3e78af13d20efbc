using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CodeRunner.Frontend.Auth;

namespace CodeRunner.Tests;

/// <summary>The edge an editor meets: keys, rate limits, backpressure, CORS, compression, request ids, the API description.</summary>
public sealed class EdgeTests
{
    private static StringContent Body(string json = """{"language":"bash","source":"echo hi"}""") => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task ClusterFrontendNeedsAValidKeyAndRateLimitsIt()
    {
        const string key = "crk_test-key";
        await using var app = new ConfiguredFrontend(new Dictionary<string, string>
        {
            ["Auth:Keys:0:Name"] = "editor",
            ["Auth:Keys:0:Sha256"] = ApiKeys.Hash(key),
            ["Auth:Keys:0:RequestsPerMinute"] = "3",
        });
        var http = app.CreateClient();

        var anonymous = await http.PostAsync("/api/v1/submissions", Body());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType!.MediaType);
        http.DefaultRequestHeaders.Add("X-Api-Key", "crk_wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/api/v1/submissions", Body())).StatusCode);
        http.DefaultRequestHeaders.Remove("X-Api-Key");
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/v1/submissions", Body())).StatusCode);
        var limited = await http.PostAsync("/api/v1/submissions", Body());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("3;w=60", limited.Headers.GetValues("RateLimit-Policy").Single());
        // Probes are never limited nor locked.
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task KeyWithItsQuotaInFlightGets429()
    {
        const string key = "crk_quota";
        await using var app = new ConfiguredFrontend(new Dictionary<string, string>
        {
            ["Auth:Keys:0:Name"] = "small",
            ["Auth:Keys:0:Sha256"] = ApiKeys.Hash(key),
            ["Auth:Keys:0:MaxActiveSubmissions"] = "2",
        });
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        // No silo runs in this app: accepted submissions stay queued, so they stay in flight.
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/v1/submissions", Body())).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/v1/submissions", Body())).StatusCode);
        var refused = await http.PostAsync("/api/v1/submissions", Body());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many submissions in flight", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task FullQueueAnswers503WithRetryAfterAndAcceptsNothing()
    {
        await using var app = new ConfiguredFrontend(new Dictionary<string, string> { ["Client:MaxQueueDepth"] = "2", ["Auth:AllowAnonymous"] = "true" });
        var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/v1/submissions", Body())).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/v1/submissions", Body())).StatusCode);
        var refused = await http.PostAsync("/api/v1/submissions", Body());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("The cluster is busy", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ConfiguredOriginsGetCorsAndOthersDoNot()
    {
        await using var app = new ConfiguredFrontend(new Dictionary<string, string>
        {
            ["Frontend:Cors:AllowedOrigins:0"] = "https://editor.example",
            ["Auth:AllowAnonymous"] = "true",
        });
        var http = app.CreateClient();
        async Task<HttpResponseMessage> Preflight(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/submissions");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type");
            return await http.SendAsync(request);
        }
        Assert.Equal("https://editor.example", (await Preflight("https://editor.example")).Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False((await Preflight("https://evil.example")).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ResponsesAreCompressedAndCarryARequestId()
    {
        await using var app = new ConfiguredFrontend(new Dictionary<string, string> { ["Auth:AllowAnonymous"] = "true" });
        var http = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/languages");
        request.Headers.Add("Accept-Encoding", "gzip");
        request.Headers.Add("X-Request-Id", "editor-req-7");
        var response = await http.SendAsync(request);
        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
        Assert.Equal("editor-req-7", response.Headers.GetValues("X-Request-Id").Single());
        var minted = await http.GetAsync("/api/v1/submissions/" + Guid.NewGuid());
        var id = minted.Headers.GetValues("X-Request-Id").Single();
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(id, JsonDocument.Parse(await minted.Content.ReadAsStringAsync()).RootElement.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task OpenApiDocumentAndBrowsablePageAreServedLocally()
    {
        await using var app = new ConfiguredFrontend(new Dictionary<string, string>());
        var http = app.CreateClient();
        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/submissions", out _));
        Assert.True(paths.TryGetProperty("/api/v1/submissions/{id}/events", out _));
        var page = await http.GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void KeysCommandPrintsAKeyWhoseHashIsItsEntry()
    {
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.Equal(0, KeysCommand.Run(["create", "judge"]));
        }
        finally
        {
            Console.SetOut(previous);
        }
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var key = lines[0][(lines[0].LastIndexOf(' ') + 1)..];
        var entry = JsonDocument.Parse(lines[^1]).RootElement;
        Assert.StartsWith("crk_", key, StringComparison.Ordinal);
        Assert.Equal(ApiKeys.Hash(key), entry.GetProperty("Sha256").GetString());
        Assert.DoesNotContain(key, lines[^1], StringComparison.Ordinal);
    }
}
