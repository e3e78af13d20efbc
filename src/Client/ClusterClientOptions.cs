namespace CodeRunner.Client;

/// <summary>The cluster client's own settings.</summary>
public sealed class ClusterClientOptions
{
    public const string SectionName = "Client";

    /// <summary>
    /// Backpressure: submissions are refused (<c>ClusterBusyException</c>, 503 at the HTTP edge)
    /// while this many are queued in the whole cluster; 0 turns it off. The count is re-read at
    /// most once a second. Default 10000.
    /// </summary>
    public int MaxQueueDepth { get; set; } = 10_000;
}
