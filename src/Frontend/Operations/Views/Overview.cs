namespace CodeRunner.Frontend.Operations.Views;

/// <summary>The cluster at a glance, over the last <see cref="WindowSeconds"/> (computed exactly from the store, cluster-wide).</summary>
/// <param name="At">When it was computed.</param>
/// <param name="WindowSeconds">The window of the statistics.</param>
/// <param name="Silos">Silos by state.</param>
/// <param name="QueueDepth">Queued submissions per language.</param>
/// <param name="AcceptedPerSecond">Submissions accepted per second over the last minute (arrivals, whatever became of them).</param>
/// <param name="CompletedPerSecond">Completions per second over the last minute.</param>
/// <param name="Completed">Completions within the window.</param>
/// <param name="QueueWait">Created to started.</param>
/// <param name="RunTime">Started to completed.</param>
/// <param name="Verdicts">Completions per verdict.</param>
/// <param name="ErrorRate">Share of completions that ended InternalError (the cluster's fault, not the program's).</param>
/// <param name="Throughput">Arrivals and completions per bucket, oldest first.</param>
/// <param name="Maintenance">The maintenance message while maintenance mode is on.</param>
public sealed record Overview(
    DateTimeOffset At,
    int WindowSeconds,
    SiloCounts Silos,
    IReadOnlyDictionary<string, int> QueueDepth,
    double AcceptedPerSecond,
    double CompletedPerSecond,
    int Completed,
    Percentiles QueueWait,
    Percentiles RunTime,
    IReadOnlyDictionary<string, int> Verdicts,
    double ErrorRate,
    IReadOnlyList<ThroughputPoint> Throughput,
    string? Maintenance);
