namespace CodeRunner.Submissions;

/// <summary>
/// The cluster, as the Frontend and internal .NET services use it: no HTTP hop, straight to the
/// store the silos claim work from. Implemented by <c>CodeRunner.Client.ClusterClient</c>.
/// </summary>
public interface IClusterClient
{
    /// <summary>
    /// Checks the request (throwing <c>RunRequestException</c> with the field and the reason) and
    /// accepts it: from then on it ends in exactly one terminal result. With an idempotency key
    /// used before, returns the submission made then and accepts nothing new.
    /// </summary>
    Task<Submission> SubmitAsync(SubmissionRequest request, CancellationToken ct = default);

    /// <summary>Accepts several; all are checked first, so either all are accepted or none.</summary>
    Task<IReadOnlyList<Submission>> SubmitBatchAsync(IReadOnlyList<SubmissionRequest> requests, CancellationToken ct = default);

    /// <summary>The submission now, or null when there is none with that id.</summary>
    Task<Submission?> GetAsync(Guid id, CancellationToken ct = default);

    /// <summary>
    /// Waits until the submission is Completed or <paramref name="timeout"/> passes, and returns its
    /// state then (check <see cref="Submission.Status"/>). Woken by the store's notification within
    /// milliseconds of the result, whichever silo ran it. Null when there is no such submission.
    /// </summary>
    Task<Submission?> WaitAsync(Guid id, TimeSpan timeout, CancellationToken ct = default);

    /// <summary>Cancels: a queued submission ends at once as Cancelled; a running one is stopped by its silo.</summary>
    Task<CancelStatus> CancelAsync(Guid id, CancellationToken ct = default);

    /// <summary>The languages requests may name, with the toolchain versions the live silos report.</summary>
    Task<IReadOnlyList<Languages.LanguageInfo>> GetLanguagesAsync(CancellationToken ct = default);

    /// <summary>A submission's lifecycle so far (accepted, claimed by which silo, released, requeued, completed); empty when unknown.</summary>
    Task<IReadOnlyList<SubmissionStep>> GetHistoryAsync(Guid id, CancellationToken ct = default);
}
