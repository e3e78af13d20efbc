using CodeRunner.Runs;

namespace CodeRunner.Storage;

/// <summary>A silo's life in the membership table (Orleans' SiloStatus, reduced to what this cluster needs).</summary>
public enum SiloStatus
{
    Active,
    ShuttingDown,
    Dead,
    Left,
}

/// <summary>What a silo says of itself when it joins.</summary>
/// <param name="SiloId">Unique per incarnation (never reused).</param>
/// <param name="SiloName">Stable across restarts of the same node (pod name); labels its containers.</param>
/// <param name="Address">Where other parts reach it (host:port); informational for now.</param>
public sealed record SiloRegistration(string SiloId, string SiloName, string Address);

/// <summary>One membership row.</summary>
public sealed record SiloRecord(
    string SiloId,
    string SiloName,
    string Address,
    SiloStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    TimeSpan HeartbeatAge,
    SiloLoad Load);

/// <summary>A silo's published load: sandboxes per language, CPU, memory.</summary>
/// <param name="Languages">Sandboxes per language id.</param>
/// <param name="CpuPercent">The process's CPU use since the previous heartbeat, in percent of the machine.</param>
/// <param name="MemoryBytes">The process's working set.</param>
/// <param name="Draining">An operator drained it: it claims nothing new and lets its runs finish (it stays Active in membership).</param>
/// <param name="Claimed">Submissions it has claimed since it started (the dashboard derives claims per second from two heartbeats).</param>
public sealed record SiloLoad(IReadOnlyDictionary<string, LanguageLoad> Languages, double CpuPercent, long MemoryBytes, bool Draining = false, long Claimed = 0)
{
    public static SiloLoad Empty { get; } = new(new Dictionary<string, LanguageLoad>(), 0, 0);
}

/// <summary>One language's sandboxes on a silo, and the toolchain version its image has.</summary>
/// <param name="Warm">Ready for a run.</param>
/// <param name="Busy">Running, or being reset after a run.</param>
/// <param name="Creating">Being made.</param>
/// <param name="Max">The pool's maximum.</param>
/// <param name="Version">The toolchain version its image reports.</param>
/// <param name="Retiring">Sandboxes being removed (retired after their runs, a failure, idling or a shrink).</param>
/// <param name="MinWarm">The warm minimum the pool keeps now (configuration, or an operator's resize).</param>
public sealed record LanguageLoad(int Warm, int Busy, int Creating, int Max, string? Version = null, int Retiring = 0, int MinWarm = 0)
{
    /// <summary>Runs the silo could take now without waiting for a sandbox to be made beyond its maximum.</summary>
    public int Free => Math.Max(0, Max - Busy);
}

/// <summary>A submission to accept.</summary>
/// <param name="Id">Its id, chosen by the caller (a retry with the same id is idempotent).</param>
/// <param name="Request">What to run; <c>Language</c> is a language id.</param>
/// <param name="Priority">Higher is claimed first.</param>
/// <param name="IdempotencyKey">A second submission with the same key returns the first.</param>
/// <param name="Submitter">Who submitted it (an API key's name); quotas count by it.</param>
/// <param name="CallbackUrl">Where the silo that completes it POSTs the result.</param>
/// <param name="WakeSiloId">
/// When set and the submission is new, that silo is woken for its language in the same transaction
/// as the insert: one round trip less than a separate <see cref="IClusterStore.WakeAsync"/>, on the
/// path every submission takes.
/// </param>
/// <param name="TraceParent">
/// The W3C <c>traceparent</c> of the span that accepted it (none when nobody traces): the silo that
/// runs it starts its spans under it, so one trace goes from the request to the sandbox run.
/// </param>
public sealed record NewSubmission(
    Guid Id, RunRequest Request, int Priority = 0, string? IdempotencyKey = null, string? WakeSiloId = null, string? Submitter = null, string? CallbackUrl = null,
    string? TraceParent = null);

/// <summary>A submission's stored state.</summary>
public sealed record SubmissionRecord(
    Guid Id,
    string? IdempotencyKey,
    string Language,
    int Priority,
    SubmissionStatus Status,
    RunRequest Request,
    RunResult? Result,
    string? Owner,
    long Epoch,
    int Attempts,
    bool CancelRequested,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? Submitter = null,
    string? CallbackUrl = null,
    string? TraceParent = null);

public enum CancelOutcome
{
    NotFound,
    /// <summary>It was Queued and is now Completed with verdict Cancelled.</summary>
    Cancelled,
    /// <summary>It is Running; its owner was asked to stop it.</summary>
    Requested,
    /// <summary>It had already completed; nothing changed.</summary>
    AlreadyCompleted,
}

public enum SubmissionEventKind
{
    Accepted,
    Claimed,
    Released,
    Requeued,
    Completed,
    /// <summary>One delivery attempt of the result to the submission's callback URL; the detail says how it went.</summary>
    Callback,
}

/// <summary>One step of a submission's life, for the lifecycle view and for exactly-once checks.</summary>
public sealed record SubmissionEvent(Guid SubmissionId, SubmissionEventKind Kind, string? SiloId, long Epoch, DateTimeOffset At, string? Detail);
