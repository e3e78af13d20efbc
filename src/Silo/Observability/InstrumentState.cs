using System.Diagnostics.Metrics;
using System.Globalization;

namespace CodeRunner.Silo.Observability;

/// <summary>
/// What one instrument has recorded since the exporter started, per label set: a sum (counters,
/// up-down counters), the last value (gauges, and observable instruments, which report totals),
/// or bucket counts, sum and count (histograms). Thread-safe: measurements arrive on any thread.
/// </summary>
internal sealed class InstrumentState
{
    /// <summary>Prometheus' default buckets, for a histogram in seconds that gives no advice.</summary>
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>OpenTelemetry's default buckets, for any other histogram that gives no advice.</summary>
    private static readonly double[] DefaultBuckets = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly Lock _lock = new();
    private readonly bool _replaces;
    private Dictionary<string, Series> _series = new(StringComparer.Ordinal);

    public InstrumentState(Instrument instrument)
    {
        Instrument = instrument;
        var type = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : instrument.GetType();
        Kind = type == typeof(Counter<>) || type == typeof(ObservableCounter<>) ? MetricKind.Counter
            : type == typeof(Histogram<>) ? MetricKind.Histogram
            : MetricKind.Gauge;
        // Observable instruments report their current total; a sync gauge reports its value. Neither adds up.
        _replaces = instrument.IsObservable || type == typeof(Gauge<>);
        Buckets = Kind == MetricKind.Histogram ? BucketsOf(instrument) : [];
        Name = PrometheusNames.Family(instrument.Name, instrument.Unit, Kind);
    }

    public Instrument Instrument { get; }

    public MetricKind Kind { get; }

    /// <summary>The family name in the exposition (<c>coderun_run_duration_seconds</c>, <c>coderun_claims_total</c>).</summary>
    public string Name { get; }

    /// <summary>Upper bounds of the histogram's buckets, ascending; +Inf is implied.</summary>
    public IReadOnlyList<double> Buckets { get; }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var key = string.Join('\u0001', labels.Select(l => l.Name + '\u0002' + l.Value));
        lock (_lock)
        {
            if (!_series.TryGetValue(key, out var series))
                _series[key] = series = new Series(labels, Kind == MetricKind.Histogram ? new long[Buckets.Count + 1] : null);
            if (series.BucketCounts is { } counts)
            {
                var bucket = 0;
                while (bucket < Buckets.Count && value > Buckets[bucket])
                    bucket++;
                counts[bucket]++;
                series.Count++;
                series.Value += value;
            }
            else
            {
                series.Value = _replaces ? value : series.Value + value;
            }
        }
    }

    /// <summary>Observable instruments forget their series before each collection: a label set no longer reported disappears.</summary>
    public void BeginCollect()
    {
        if (!Instrument.IsObservable)
            return;
        lock (_lock)
            _series = new(StringComparer.Ordinal);
    }

    /// <summary>A copy of every series, ordered by labels, so a scrape reads a consistent view.</summary>
    public IReadOnlyList<Series> Snapshot()
    {
        lock (_lock)
            return _series.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value.Copy()).ToList();
    }

    private static List<(string Name, string Value)> Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new List<(string Name, string Value)>(tags.Length);
        foreach (var tag in tags)
            labels.Add((PrometheusNames.Label(tag.Key), Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? ""));
        labels.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return labels;
    }

    private static double[] BucketsOf(Instrument instrument)
    {
        IReadOnlyList<double>? advised = instrument switch
        {
            Histogram<double> { Advice.HistogramBucketBoundaries: { } b } => b,
            Histogram<float> { Advice.HistogramBucketBoundaries: { } b } => b.Select(x => (double)x).ToList(),
            Histogram<long> { Advice.HistogramBucketBoundaries: { } b } => b.Select(x => (double)x).ToList(),
            Histogram<int> { Advice.HistogramBucketBoundaries: { } b } => b.Select(x => (double)x).ToList(),
            _ => null,
        };
        return advised?.Order().Distinct().ToArray() ?? (instrument.Unit == "s" ? SecondsBuckets : DefaultBuckets);
    }

    /// <summary>One label set's value: a sum or last value, or a histogram's (non-cumulative) bucket counts, sum and count.</summary>
    internal sealed class Series(IReadOnlyList<(string Name, string Value)> labels, long[]? bucketCounts)
    {
        public IReadOnlyList<(string Name, string Value)> Labels { get; } = labels;

        public long[]? BucketCounts { get; } = bucketCounts;

        /// <summary>The counter's or gauge's value; a histogram's sum.</summary>
        public double Value { get; set; }

        public long Count { get; set; }

        public Series Copy() => new(Labels, (long[]?)BucketCounts?.Clone()) { Value = Value, Count = Count };
    }
}
