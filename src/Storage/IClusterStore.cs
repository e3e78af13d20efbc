using CodeRunner.Runs;

namespace CodeRunner.Storage;

/// <summary>
/// The cluster's shared state: membership (Orleans' membership table), submissions and their
/// results (grain state), and notifications. Two implementations pass one contract test suite:
/// PostgreSQL for a cluster, SQLite for the embedded single node.
/// <para>
/// Invariants every implementation keeps:
/// - A submission has at most one owner; <see cref="ClaimAsync"/> gives each Queued submission to
///   exactly one caller, and bumps its epoch.
/// - Every write of an owner (<see cref="CompleteAsync"/>, <see cref="ReleaseAsync"/>) is fenced by
///   owner and epoch: after a requeue and a new claim, the old owner's writes change nothing and
///   return false ("lost the race").
/// - A result is written once: a Completed submission never changes again.
/// - Time comparisons (heartbeat age) use the store's own clock, never the caller's.
/// </para>
/// </summary>
public partial interface IClusterStore
{
    // ---- membership ----

    /// <summary>Adds a silo as <see cref="SiloStatus.Active"/> with a heartbeat of now (store clock). A silo id is never reused.</summary>
    Task JoinAsync(SiloRegistration silo, CancellationToken ct);

    /// <summary>Records a heartbeat and the silo's load. Returns false when the silo is no longer Active (declared dead, or left): it must stop.</summary>
    Task<bool> HeartbeatAsync(string siloId, SiloLoad load, CancellationToken ct);

    /// <summary>Every silo of the cluster, any status, with <see cref="SiloRecord.HeartbeatAge"/> measured on the store's clock.</summary>
    Task<IReadOnlyList<SiloRecord>> ListSilosAsync(CancellationToken ct);

    /// <summary>
    /// Compare-and-set: marks the silo Dead when it is Active (or ShuttingDown) and its last
    /// heartbeat is older than <paramref name="missedFor"/> (store clock). Exactly one concurrent
    /// caller gets true; the decision is final for that silo id.
    /// </summary>
    Task<bool> DeclareDeadAsync(string siloId, TimeSpan missedFor, CancellationToken ct);

    /// <summary>Moves a live silo to <see cref="SiloStatus.ShuttingDown"/> or <see cref="SiloStatus.Left"/>; false when it is Dead or Left already.</summary>
    Task<bool> SetStatusAsync(string siloId, SiloStatus status, CancellationToken ct);

    // ---- submissions ----

    /// <summary>
    /// Accepts a submission as Queued. With an idempotency key that was used before, returns the
    /// existing submission and Created=false, and stores nothing new.
    /// </summary>
    Task<(SubmissionRecord Submission, bool Created)> EnqueueAsync(NewSubmission submission, CancellationToken ct);

    Task<SubmissionRecord?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Takes up to <paramref name="max"/> Queued submissions of one language, highest priority
    /// first, then oldest: each becomes Running, owned by the silo, with its epoch and attempts
    /// incremented. Concurrent claimers never get the same submission and do not wait on each
    /// other's rows (PostgreSQL: FOR UPDATE SKIP LOCKED).
    /// </summary>
    Task<IReadOnlyList<SubmissionRecord>> ClaimAsync(string siloId, string language, int max, CancellationToken ct);

    /// <summary>Fenced: writes the result (Completed) when the submission is Running, owned by the silo at that epoch. Otherwise false and nothing changes.</summary>
    Task<bool> CompleteAsync(Guid id, string siloId, long epoch, RunResult result, CancellationToken ct);

    /// <summary>Fenced: hands a Running submission back to the queue (graceful shutdown), its attempt not counted against it.</summary>
    Task<bool> ReleaseAsync(Guid id, string siloId, long epoch, CancellationToken ct);

    /// <summary>
    /// After <paramref name="deadSiloId"/> was declared dead: each of its Running submissions goes
    /// back to Queued, or, when it has had <paramref name="maxAttempts"/> attempts, ends Completed
    /// with an InternalError result whose message says why. Returns how many were touched.
    /// </summary>
    Task<int> RecoverAsync(string deadSiloId, int maxAttempts, CancellationToken ct);

    /// <summary>
    /// Queued: ends Completed with verdict Cancelled at once. Running: sets
    /// <see cref="SubmissionRecord.CancelRequested"/> and notifies the owner, which ends it.
    /// Completed: nothing.
    /// </summary>
    Task<CancelOutcome> CancelAsync(Guid id, CancellationToken ct);

    /// <summary>A submitter's submissions that are not Completed yet (per-key quotas).</summary>
    Task<int> CountActiveAsync(string submitter, CancellationToken ct);

    /// <summary>Appends a Callback event (one delivery attempt of the result) to a submission's history.</summary>
    Task RecordCallbackAsync(Guid id, string? siloId, string detail, CancellationToken ct);

    /// <summary>Queued submissions per language (the autoscaling signal).</summary>
    Task<IReadOnlyDictionary<string, int>> CountQueuedAsync(CancellationToken ct);

    /// <summary>
    /// Retention: deletes up to <paramref name="max"/> Completed submissions, with their events,
    /// that completed more than <paramref name="olderThan"/> ago (store clock), oldest first.
    /// Returns how many went. Queued and Running submissions are never touched.
    /// </summary>
    Task<int> PurgeCompletedAsync(TimeSpan olderThan, int max, CancellationToken ct);

    /// <summary>What happened to a submission, oldest first: accepted, claimed (by whom, which epoch), released, requeued, completed.</summary>
    Task<IReadOnlyList<SubmissionEvent>> ListEventsAsync(Guid id, CancellationToken ct);

    // ---- operations (the dashboard and the admin API) ----

    /// <summary>Recent submissions, newest first, filtered and paged (<see cref="SubmissionQuery"/>), with the total that match.</summary>
    Task<SubmissionPage> ListSubmissionsAsync(SubmissionQuery query, CancellationToken ct);

    /// <summary>
    /// Submissions completed within the last <paramref name="window"/> (store clock), newest first,
    /// at most <paramref name="max"/>: the raw material of exact cluster-wide percentiles.
    /// </summary>
    Task<IReadOnlyList<CompletedTiming>> ListCompletedAsync(TimeSpan window, int max, CancellationToken ct);

    /// <summary>
    /// When each submission accepted within the last <paramref name="window"/> (store clock) was
    /// accepted, whatever became of it, newest first, at most <paramref name="max"/>: the
    /// dashboard's arrival rate and its chart over time.
    /// </summary>
    Task<IReadOnlyList<DateTimeOffset>> ListAcceptedAsync(TimeSpan window, int max, CancellationToken ct);

    /// <summary>Every cluster-wide setting (<see cref="ClusterSettingKeys"/>), by key.</summary>
    Task<IReadOnlyDictionary<string, string>> GetSettingsAsync(CancellationToken ct);

    /// <summary>Sets a cluster-wide setting, or removes it when <paramref name="value"/> is null.</summary>
    Task SetSettingAsync(string key, string? value, CancellationToken ct);

    // ---- notifications ----

    /// <summary>Asks one silo to try claiming work of a language (targeted, so one submission wakes one silo).</summary>
    Task WakeAsync(string siloId, string language, CancellationToken ct);

    /// <summary>
    /// Starts delivering notifications to <paramref name="listener"/>: completions of any
    /// submission, and, when <paramref name="siloId"/> is given, that silo's wake-ups and cancel
    /// requests. Reconnects by itself after a store outage and then calls
    /// <see cref="IClusterListener.OnReconnected"/> (notifications sent meanwhile may be lost:
    /// listeners re-check). Disposing stops delivery.
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(IClusterListener listener, string? siloId, CancellationToken ct);
}
