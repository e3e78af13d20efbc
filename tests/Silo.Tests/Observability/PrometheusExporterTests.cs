using System.Diagnostics.Metrics;
using CodeRunner.Silo.Observability;
using CodeRunner.Tests.Support;

namespace CodeRunner.Tests.Observability;

/// <summary>The text that /metrics writes, from instruments of a meter of the test's own.</summary>
public sealed class PrometheusExporterTests : IDisposable
{
    private readonly Meter _meter = new($"test.{Guid.NewGuid():N}");
    private readonly PrometheusExporter _exporter;

    public PrometheusExporterTests() => _exporter = new PrometheusExporter(i => i.Meter == _meter);

    public void Dispose()
    {
        _exporter.Dispose();
        _meter.Dispose();
    }

    private string Scrape()
    {
        var text = _exporter.Collect();
        PrometheusText.Parse(text); // every scrape must be valid exposition
        return text;
    }

    [Fact]
    public void ACounterIsSummedPerLabelSetWithSortedLabelsAndEndsInTotal()
    {
        var counter = _meter.CreateCounter<long>("jobs.done", "{job}", "Jobs done.");
        counter.Add(2, new("language", "python"), new("kind", "run"));
        counter.Add(3, new("kind", "run"), new("language", "python"));
        counter.Add(1, new KeyValuePair<string, object?>("language", "bash"), new("kind", "run"));

        Assert.Equal(
            """
            # HELP jobs_done_total Jobs done.
            # TYPE jobs_done_total counter
            jobs_done_total{kind="run",language="bash"} 1
            jobs_done_total{kind="run",language="python"} 5

            """.ReplaceLineEndings("\n"), Scrape());
    }

    [Fact]
    public void AnObservableGaugeReportsWhatItsCallbackSaysNowAndForgetsSeriesItNoLongerReports()
    {
        var states = new List<Measurement<int>> { new(3, new KeyValuePair<string, object?>("state", "warm")), new(1, new KeyValuePair<string, object?>("state", "busy")) };
        _meter.CreateObservableGauge("pool.sandboxes", () => states, "{sandbox}", "Sandboxes by state.");

        Assert.Equal(
            """
            # HELP pool_sandboxes Sandboxes by state.
            # TYPE pool_sandboxes gauge
            pool_sandboxes{state="busy"} 1
            pool_sandboxes{state="warm"} 3

            """.ReplaceLineEndings("\n"), Scrape());
        states = [new(2, new KeyValuePair<string, object?>("state", "warm"))];
        Assert.EndsWith("# TYPE pool_sandboxes gauge\npool_sandboxes{state=\"warm\"} 2\n", Scrape());
    }

    [Fact]
    public void AnUpDownCounterIsAGaugeOfItsRunningSum()
    {
        var active = _meter.CreateUpDownCounter<long>("requests.active", null, "In flight.");
        active.Add(3);
        active.Add(-1);
        Assert.EndsWith("# TYPE requests_active gauge\nrequests_active 2\n", Scrape());
    }

    [Fact]
    public void HistogramBucketsAreCumulativeIncludeTheirBoundAndEndInInfEqualToTheCount()
    {
        var histogram = _meter.CreateHistogram("run.duration", "s", "Run time.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.25, 1, 10] });
        foreach (var seconds in new[] { 0.125, 0.25, 0.5, 5, 50 })
            histogram.Record(seconds, new KeyValuePair<string, object?>("language", "c"));

        Assert.Equal(
            """
            # HELP run_duration_seconds Run time.
            # TYPE run_duration_seconds histogram
            run_duration_seconds_bucket{language="c",le="0.25"} 2
            run_duration_seconds_bucket{language="c",le="1"} 3
            run_duration_seconds_bucket{language="c",le="10"} 4
            run_duration_seconds_bucket{language="c",le="+Inf"} 5
            run_duration_seconds_sum{language="c"} 55.875
            run_duration_seconds_count{language="c"} 5

            """.ReplaceLineEndings("\n"), Scrape());
    }

    [Fact]
    public void AHistogramInSecondsWithoutAdviceGetsPrometheusDefaultBuckets()
    {
        _meter.CreateHistogram<double>("wait", "s").Record(0.2);
        var text = Scrape();
        Assert.Contains("wait_seconds_bucket{le=\"0.005\"} 0\n", text);
        Assert.Contains("wait_seconds_bucket{le=\"0.25\"} 1\n", text);
        Assert.Contains("wait_seconds_bucket{le=\"10\"} 1\n", text);
        Assert.Contains("wait_seconds_bucket{le=\"+Inf\"} 1\n", text);
    }

    [Fact]
    public void LabelValuesEscapeBackslashQuoteAndLineFeedAndHelpEscapesBackslashAndLineFeed()
    {
        var counter = _meter.CreateCounter<int>("odd.values", null, "Help with a \\ and a\nsecond line, \"quoted\".");
        counter.Add(1, new KeyValuePair<string, object?>("path", "C:\\tmp\n\"x\""));

        var text = Scrape();
        Assert.Equal(
            """
            # HELP odd_values_total Help with a \\ and a\nsecond line, "quoted".
            # TYPE odd_values_total counter
            odd_values_total{path="C:\\tmp\n\"x\""} 1

            """.ReplaceLineEndings("\n"), text);
        var sample = Assert.Single(PrometheusText.Parse(text).Families["odd_values_total"].Samples);
        Assert.Equal("C:\\tmp\n\"x\"", sample.Labels["path"]);
        Assert.Equal("Help with a \\ and a\nsecond line, \"quoted\".", PrometheusText.Parse(text).Families["odd_values_total"].Help);
    }

    [Fact]
    public void NamesAndLabelKeysBecomePrometheusNamesWithTheUnitOnce()
    {
        _meter.CreateHistogram<double>("http.server.request.duration", "s").Record(1, new KeyValuePair<string, object?>("http.request.method", "GET"));
        _meter.CreateCounter<long>("queue.wait_seconds", "s").Add(1);
        _meter.CreateCounter<long>("bytes.sent", "By").Add(1);
        _meter.CreateObservableGauge("9lives", () => 1);

        var families = PrometheusText.Parse(Scrape()).Families;
        Assert.Equal(["_9lives", "bytes_sent_bytes_total", "http_server_request_duration_seconds", "queue_wait_seconds_total"], families.Keys.Order());
        Assert.True(families["http_server_request_duration_seconds"].Samples[0].Labels.ContainsKey("http_request_method"));
    }

    [Fact]
    public void AnInstrumentWithNothingRecordedHasItsHelpAndTypeOnly()
    {
        _meter.CreateCounter<long>("never.used", null, "Nothing yet.");
        Assert.Equal("# HELP never_used_total Nothing yet.\n# TYPE never_used_total counter\n", Scrape());
    }

    [Fact]
    public void InstrumentsOfOtherMetersAreLeftOut()
    {
        using var other = new Meter($"other.{Guid.NewGuid():N}");
        other.CreateCounter<long>("foreign").Add(1);
        _meter.CreateCounter<long>("own").Add(1);
        Assert.Equal(["own_total"], PrometheusText.Parse(Scrape()).Families.Keys);
    }
}
