namespace CodeRunner.Cluster;

/// <summary>How a silo claims and runs submissions.</summary>
public sealed class SubmissionOptions
{
    public const string SectionName = "Cluster:Submissions";

    /// <summary>Attempts a submission gets (its silo dying mid-run costs one) before it ends as InternalError. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// Safety-net claim poll while the silo has free capacity: notifications can be lost (a store
    /// restart). Costs one query per language per interval per silo, not per submission. Default 5 s.
    /// </summary>
    public TimeSpan ClaimPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>On SIGTERM, how long in-flight runs may finish before they are handed back to the queue. Default 20 s.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Added to a submission's own time limits (compile + run + waiting for a sandbox) for its overall deadline. Default 60 s.</summary>
    public TimeSpan DeadlineSlack { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a completed submission (result, history) stays readable before it is deleted;
    /// <see cref="TimeSpan.Zero"/> keeps everything. Default 7 days.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often each silo deletes what <see cref="Retention"/> let go, in batches. Default 10 min.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromMinutes(10);
}
