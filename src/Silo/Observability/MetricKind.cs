namespace CodeRunner.Silo.Observability;

/// <summary>The Prometheus type an instrument is exposed as.</summary>
internal enum MetricKind
{
    /// <summary>Counter, ObservableCounter: only goes up; exposed with <c>_total</c>.</summary>
    Counter,

    /// <summary>Gauge, ObservableGauge, UpDownCounter, ObservableUpDownCounter: a value now.</summary>
    Gauge,

    /// <summary>Histogram: cumulative buckets, sum and count.</summary>
    Histogram,
}
