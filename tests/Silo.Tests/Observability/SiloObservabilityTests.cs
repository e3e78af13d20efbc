using System.Text.Json;
using CodeRunner.Tests.Support;

namespace CodeRunner.Tests.Observability;

/// <summary>A real silo process: its /metrics counts what it ran, and its log lines are JSON carrying the submission's id.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloObservabilityTests(PostgresServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task ASiloServesEveryDocumentedMetricAndCountsEachRunOnce()
    {
        await using var cluster = await ClusterFixture.StartAsync(server);
        var silo = await cluster.StartSiloAsync("metrics");
        var before = await ScrapeAsync(silo);
        Assert.All(DocumentedMetrics.Names, name => Assert.True(before.Families.ContainsKey(name), $"{name} is missing"));

        var submitted = await cluster.Client.SubmitBatchAsync([ClusterFixture.Bash("echo 1"), ClusterFixture.Bash("echo 2"), ClusterFixture.Bash("exit 3")]);
        await cluster.WaitAllAsync(submitted.Select(s => s.Id), Patience);

        // The result is visible a moment before the silo counts it: wait for the count, then check it is exact.
        PrometheusText after = before;
        await Eventually.True(async () => Delta(before, after = await ScrapeAsync(silo), "coderun_submissions_completed_total") >= 3,
            Eventually.Soon, "the silo counted the completions");
        Assert.Equal(3, Delta(before, after, "coderun_submissions_completed_total"));
        Assert.Equal(2, Delta(before, after, "coderun_submissions_completed_total", ("verdict", "Accepted")));
        Assert.Equal(1, Delta(before, after, "coderun_submissions_completed_total", ("verdict", "RuntimeError")));
        Assert.Equal(3, Delta(before, after, "coderun_run_duration_seconds_count"));
        Assert.Equal(3, Delta(before, after, "coderun_queue_wait_seconds_count"));
        Assert.Equal(3, Delta(before, after, "coderun_claims_total"));
        Assert.Equal(0, Delta(before, after, "coderun_submissions_accepted_total")); // the client, in this test process, accepted them
        Assert.True(after.Sum("coderun_sandboxes", ("language", "bash")) > 0, "the bash sandboxes are counted");
        Assert.True(after.Sum("coderun_sandbox_creates_total", ("language", "bash")) > 0);
        Assert.Equal(0, after.Sum("coderun_queue_depth", ("language", "bash")));
        Assert.True(after.Sum("http_server_request_duration_seconds_count", ("http_route", "/health/ready")) > 0);
    }

    [Fact]
    public async Task EveryLogLineOfASiloIsJsonAndThoseOfASubmissionCarryItsId()
    {
        await using var cluster = await ClusterFixture.StartAsync(server);
        var silo = await cluster.StartSiloAsync("logs", new Dictionary<string, string>
        {
            ["Logging:LogLevel:CodeRunner.Cluster.SubmissionGrain"] = "Debug",
        });
        var submission = await cluster.Client.SubmitAsync(ClusterFixture.Bash("echo logged"));
        await cluster.WaitAllAsync([submission.Id], Patience);

        List<JsonElement> ofSubmission = [];
        await Eventually.True(() =>
        {
            ofSubmission = ReadJsonLines(silo.LogPath).Where(l => ScopeValue(l, "SubmissionId") == submission.Id.ToString()).ToList();
            return ofSubmission.Any(l => l.GetProperty("EventId").GetInt32() == 1600);
        }, Eventually.Soon, "the silo logged the completion");

        Assert.Contains(ofSubmission, l => l.GetProperty("EventId").GetInt32() == 1605); // started
        Assert.All(ofSubmission, l =>
        {
            Assert.StartsWith($"{silo.Name}@", ScopeValue(l, "SiloId"));
            Assert.EndsWith("Z", l.GetProperty("Timestamp").GetString());
        });
    }

    private static async Task<PrometheusText> ScrapeAsync(SiloProcess silo)
    {
        using var response = await Http.GetAsync($"http://127.0.0.1:{silo.Port}/metrics");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    private static double Delta(PrometheusText before, PrometheusText after, string sample, params (string, string)[] labels) =>
        after.Sum(sample, labels) - before.Sum(sample, labels);

    /// <summary>Every complete line of the silo's output, each of which must be a JSON object.</summary>
    private static List<JsonElement> ReadJsonLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var text = new StreamReader(stream).ReadToEnd();
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        return complete.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            try
            {
                var element = JsonDocument.Parse(line).RootElement;
                return element.ValueKind == JsonValueKind.Object ? element : throw new JsonException("not an object");
            }
            catch (JsonException e)
            {
                throw new Xunit.Sdk.XunitException($"A log line is not a JSON object ({e.Message}): {line}");
            }
        }).ToList();
    }

    private static string? ScopeValue(JsonElement line, string name) =>
        line.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out _))
                .Select(s => s.GetProperty(name).ToString()).FirstOrDefault()
            : null;
}
