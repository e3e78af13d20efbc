namespace CodeRunner.Storage;

/// <summary>
/// How one completed submission went, for the dashboard's exact percentiles, throughput and
/// verdict mix: the times the store recorded, no request or output.
/// </summary>
/// <param name="Language">Its language id.</param>
/// <param name="Verdict">The verdict of its result (<c>Cancelled</c> included).</param>
/// <param name="SiloId">The silo that owned it last; null when it never ran.</param>
/// <param name="CompletedAt">When it completed (store clock).</param>
/// <param name="QueueWait">Started minus created; null when it never started (cancelled while queued).</param>
/// <param name="RunTime">Completed minus started; null when it never started.</param>
public sealed record CompletedTiming(
    string Language, string? Verdict, string? SiloId, DateTimeOffset CompletedAt, TimeSpan? QueueWait, TimeSpan? RunTime);
