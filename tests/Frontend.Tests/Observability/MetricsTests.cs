using System.Net;
using System.Text.Json;
using CodeRunner.Frontend.Auth;
using CodeRunner.Tests.Support;

namespace CodeRunner.Tests.Observability;

/// <summary>/metrics on a single node (frontend and silo in one process, real sandboxes) and on a stateless frontend.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests(SingleNodeFrontend app) : IClassFixture<SingleNodeFrontend>
{
    private readonly HttpClient _http = app.CreateClient();

    [Fact]
    public async Task ASingleNodeServesEveryDocumentedMetricAndCountsEachSubmissionOnce()
    {
        var before = await ScrapeAsync(_http);
        Assert.All(DocumentedMetrics.Names, name => Assert.True(before.Families.ContainsKey(name), $"{name} is missing"));

        var ids = new List<string>();
        foreach (var source in new[] { "echo 1", "echo 2", "exit 3" })
        {
            var response = await _http.PostJsonAsync("/api/v1/submissions", JsonSerializer.Serialize(new { language = "bash", source }));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((await response.ReadJsonAsync()).GetProperty("id").GetString()!);
        }
        var accepted = await ScrapeAsync(_http);
        Assert.Equal(3, Delta(before, accepted, "coderun_submissions_accepted_total", ("language", "bash")));
        foreach (var id in ids)
            await Eventually.True(async () => (await (await _http.GetAsync($"/api/v1/submissions/{id}")).ReadJsonAsync()).GetProperty("status").GetString() == "Completed",
                TimeSpan.FromMinutes(1), $"{id} completes");

        // The result is visible a moment before the silo counts it: wait for the count, then check it is exact.
        var after = accepted;
        await Eventually.True(async () => Delta(before, after = await ScrapeAsync(_http), "coderun_submissions_completed_total") >= 3,
            Eventually.Soon, "the silo counted the completions");
        Assert.Equal(3, Delta(before, after, "coderun_submissions_accepted_total"));
        Assert.Equal(3, Delta(before, after, "coderun_submissions_completed_total", ("language", "bash")));
        Assert.Equal(1, Delta(before, after, "coderun_submissions_completed_total", ("verdict", "RuntimeError")));
        Assert.Equal(3, Delta(before, after, "coderun_run_duration_seconds_count", ("language", "bash")));
        Assert.Equal(3, Delta(before, after, "coderun_queue_wait_seconds_count", ("language", "bash")));
        Assert.Equal(3, Delta(before, after, "coderun_claims_total", ("language", "bash")));
        Assert.True(after.Sum("coderun_sandboxes", ("language", "bash")) > 0, "the bash sandboxes are counted");
        Assert.Equal(0, after.Sum("coderun_queue_depth", ("language", "bash")));
        Assert.True(after.Sum("http_server_request_duration_seconds_count", ("http_route", "/api/v1/submissions/"), ("http_request_method", "POST")) >= 3);
    }

    [Fact]
    public async Task MetricsNeedNoKeyAndAreNotInTheApiDescription()
    {
        await using var stateless = new ConfiguredFrontend(new Dictionary<string, string>
        {
            ["Auth:AllowAnonymous"] = "false",
            ["Auth:Keys:0:Name"] = "editor",
            ["Auth:Keys:0:Sha256"] = ApiKeys.Hash("crk_metrics"),
        });
        var http = stateless.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/languages")).StatusCode);

        var metrics = await ScrapeAsync(http); // no key
        Assert.Equal(0, metrics.Sum("coderun_queue_depth", ("language", "bash"))); // a stateless frontend reads the queue too
        var document = await (await http.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("/metrics", document, StringComparison.Ordinal);
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    private static double Delta(PrometheusText before, PrometheusText after, string sample, params (string, string)[] labels) =>
        after.Sum(sample, labels) - before.Sum(sample, labels);
}
