using System.Net;
using System.Net.Http.Json;

namespace CodeRunner.Tests.Operations;

/// <summary>The admin API on a stateless frontend (no silo): who may use it, what it validates, maintenance mode, the lists and the page.</summary>
public sealed class AdminApiTests
{
    private const string Python = """{"language":"python","source":"print(1)"}""";

    [Fact]
    public async Task OnlyOperatorKeysMayUseTheAdminApi()
    {
        await using var app = new OperatorFrontend();

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(null).GetAsync("/api/v1/admin/overview")).StatusCode);
        var refused = await app.Client(OperatorFrontend.EditorKey).GetAsync("/api/v1/admin/overview");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("--operator", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.Client(OperatorFrontend.OperatorKey).GetAsync("/api/v1/admin/overview")).StatusCode);
    }

    [Fact]
    public async Task TheOverviewCountsArrivalsPerSecondAndPerBucketWhetherOrNotTheyRan()
    {
        // No silo here: the three stay queued, accepted but never completed.
        await using var app = new OperatorFrontend();
        var editor = app.Client(OperatorFrontend.EditorKey);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await editor.PostJsonAsync("/api/v1/submissions", Python)).StatusCode);

        var overview = (await (await app.Client(OperatorFrontend.OperatorKey).GetAsync("/api/v1/admin/overview")).ReadJsonAsync());
        var buckets = overview.GetProperty("throughput").EnumerateArray().ToList();
        Assert.Equal(3, buckets.Sum(b => b.GetProperty("accepted").GetInt32()));
        Assert.Equal(0, buckets.Sum(b => b.GetProperty("completed").GetInt32()));
        Assert.Equal(0.05, overview.GetProperty("acceptedPerSecond").GetDouble()); // 3 in the last minute
        Assert.Equal(0, overview.GetProperty("completedPerSecond").GetDouble());
    }

    [Fact]
    public async Task AStreamRequestWithoutAKeyGetsA401ProblemNotA500()
    {
        await using var app = new OperatorFrontend();
        var client = app.Client(null);
        foreach (var path in new[] { "/api/v1/admin/stream", "/api/v1/submissions/00000000-0000-0000-0000-000000000001/events" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.ParseAdd("text/event-stream"); // what EventSource and the dashboard send
            var refused = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("X-Api-Key", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task AnonymousCallersAreNotOperatorsUnlessOnLoopback()
    {
        // The in-memory test server has no client address: not loopback, so not an operator.
        await using var app = new StatelessFrontend();
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClient().GetAsync("/api/v1/admin/silos")).StatusCode);
    }

    [Fact]
    public async Task MaintenanceModeRefusesNewWorkWithTheMessageButReadsAndCancelsStillWork()
    {
        await using var app = new OperatorFrontend();
        var ops = app.Client(OperatorFrontend.OperatorKey);
        var editor = app.Client(OperatorFrontend.EditorKey);
        var queued = await (await editor.PostJsonAsync("/api/v1/submissions", Python)).ReadJsonAsync();
        var id = queued.GetProperty("id").GetString();

        var on = await ops.PutAsJsonAsync("/api/v1/admin/maintenance", new { enabled = true, message = "Upgrading, back at 14:00 UTC" });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);

        var refused = await editor.PostJsonAsync("/api/v1/submissions", Python);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal("Upgrading, back at 14:00 UTC", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await editor.PostJsonAsync("/api/v1/runs", Python)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/api/v1/submissions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/v1/languages")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.DeleteAsync($"/api/v1/submissions/{id}")).StatusCode);
        Assert.Equal("Upgrading, back at 14:00 UTC", (await (await ops.GetAsync("/api/v1/admin/overview")).ReadJsonAsync()).GetProperty("maintenance").GetString());

        Assert.Equal(HttpStatusCode.OK, (await ops.PutAsJsonAsync("/api/v1/admin/maintenance", new { enabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await editor.PostJsonAsync("/api/v1/submissions", Python)).StatusCode);
    }

    [Fact]
    public async Task MaintenanceModeClosesANewInteractiveSessionWithTheMessage()
    {
        await using var app = new OperatorFrontend();
        app.UseKestrel(0);
        app.StartServer();
        var on = await app.Client(OperatorFrontend.OperatorKey).PutAsJsonAsync("/api/v1/admin/maintenance", new { enabled = true, message = "Upgrading, back at 14:00 UTC" });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);

        await using var session = await Support.SessionClient.ConnectAsync(
            Support.SessionClient.SessionsUri(app.ClientOptions.BaseAddress), new Dictionary<string, string> { ["X-Api-Key"] = OperatorFrontend.EditorKey });
        await session.UntilAsync(s => s.CloseCode is not null, "the session is closed");

        Assert.Equal(4503, session.CloseCode);
        Assert.Contains("Upgrading, back at 14:00 UTC", session.Error?.GetProperty("message").GetString());
    }

    [Fact]
    public async Task MaintenanceModeNeedsAMessage()
    {
        await using var app = new OperatorFrontend();
        var refused = await app.Client(OperatorFrontend.OperatorKey).PutAsJsonAsync("/api/v1/admin/maintenance", new { enabled = true, message = " " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ReadJsonAsync()).GetProperty("errors").TryGetProperty("message", out _));
    }

    [Theory]
    [InlineData("cobol", """{"minWarm":1}""", HttpStatusCode.NotFound)]
    [InlineData("python", """{"minWarm":-1}""", HttpStatusCode.BadRequest)]
    [InlineData("python", """{"minWarm":1}""", HttpStatusCode.Conflict)] // no silo has a python pool: its maximum is unknown
    public async Task PoolResizeIsValidated(string language, string body, HttpStatusCode expected)
    {
        await using var app = new OperatorFrontend();
        var ops = app.Client(OperatorFrontend.OperatorKey);
        var answer = await ops.PutAsync($"/api/v1/admin/pools/{language}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(expected, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SubmissionsAreListedNewestFirstWithFiltersPagesAndTheirLifecycle()
    {
        await using var app = new OperatorFrontend();
        var ops = app.Client(OperatorFrontend.OperatorKey);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add((await (await ops.PostJsonAsync("/api/v1/submissions", Python)).ReadJsonAsync()).GetProperty("id").GetString()!);
        await ops.PostJsonAsync("/api/v1/submissions", """{"language":"bash","source":"echo 1"}""");

        var page = await (await ops.GetAsync("/api/v1/admin/submissions?language=python&status=queued&limit=2")).ReadJsonAsync();
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal([ids[2], ids[1]], page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var next = await (await ops.GetAsync("/api/v1/admin/submissions?language=python&offset=2&limit=2")).ReadJsonAsync();
        Assert.Equal([ids[0]], next.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        var detail = await (await ops.GetAsync($"/api/v1/admin/submissions/{ids[0]}")).ReadJsonAsync();
        Assert.Equal("Queued", detail.GetProperty("submission").GetProperty("status").GetString());
        Assert.Equal("Accepted", detail.GetProperty("lifecycle")[0].GetProperty("kind").GetString());

        var cancelled = await ops.DeleteAsync($"/api/v1/admin/submissions/{ids[0]}");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var after = await (await ops.GetAsync("/api/v1/admin/submissions?verdict=cancelled")).ReadJsonAsync();
        Assert.Equal([ids[0]], after.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await ops.GetAsync($"/api/v1/admin/submissions/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/admin/submissions?status=Lost")]
    [InlineData("/api/v1/admin/submissions?verdict=Great")]
    [InlineData("/api/v1/admin/submissions?limit=0")]
    [InlineData("/api/v1/admin/submissions?limit=100000")]
    [InlineData("/api/v1/admin/submissions?offset=-1")]
    [InlineData("/api/v1/admin/sandboxes?limit=0")]
    [InlineData("/api/v1/admin/logs?level=Loud")]
    public async Task BadListQueriesAreProblemsNamingTheField(string path)
    {
        await using var app = new OperatorFrontend();
        var answer = await app.Client(OperatorFrontend.OperatorKey).GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Single((await answer.ReadJsonAsync()).GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task TheLogTailHasThisFrontendsEntriesFilteredByText()
    {
        await using var app = new OperatorFrontend();
        var ops = app.Client(OperatorFrontend.OperatorKey);
        var logs = await (await ops.GetAsync("/api/v1/admin/logs?text=migration&level=Information")).ReadJsonAsync();
        var entries = logs.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Contains("migration", e.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase));
        Assert.All(entries, e => Assert.Equal("frontend", e.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task ThePageLoadsWithoutAKeyAndItsAddressesAreRelative()
    {
        await using var app = new OperatorFrontend();
        var http = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var redirect = await http.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("dashboard/", redirect.Headers.Location?.OriginalString); // relative: /coderun/dashboard → /coderun/dashboard/
        var page = await http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("src=\"../assets/dashboard.js\"", html);
        Assert.DoesNotContain("src=\"/", html);
        Assert.DoesNotContain("href=\"/", html);
        Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal); // no CDN
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/assets/dashboard.js")).StatusCode);
    }

    [Fact]
    public async Task TheAdminApiIsInTheOpenApiDocument()
    {
        await using var app = new OperatorFrontend();
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/admin/silos/{siloId}/drain", document);
        Assert.Contains("/api/v1/admin/pools/{language}", document);
        Assert.Contains("/api/v1/admin/maintenance", document);
    }
}
