namespace CodeRunner.Submissions;

/// <summary>The cluster's queue is full: nothing was accepted; try again after <see cref="RetryAfter"/>.</summary>
public sealed class ClusterBusyException(int queued, TimeSpan retryAfter)
    : Exception($"The cluster has {queued} submissions queued, its limit; try again shortly.")
{
    public int Queued { get; } = queued;

    public TimeSpan RetryAfter { get; } = retryAfter;
}
