using CodeRunner.Storage;

namespace CodeRunner.Frontend.Operations.Views;

/// <summary>One submission in the operators' list (no request, no output).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Language">Its language id.</param>
/// <param name="Status">Queued, Running or Completed.</param>
/// <param name="Verdict">Once completed.</param>
/// <param name="SiloId">The silo that owns (or last owned) it.</param>
/// <param name="Attempts">Times a silo started it.</param>
/// <param name="Submitter">Who submitted it.</param>
/// <param name="CreatedAt">Accepted.</param>
/// <param name="StartedAt">Claimed (the last attempt).</param>
/// <param name="CompletedAt">Completed.</param>
/// <param name="QueueWaitMs">Created to started.</param>
/// <param name="RunTimeMs">Started to completed.</param>
public sealed record SubmissionRow(
    Guid Id, string Language, string Status, string? Verdict, string? SiloId, int Attempts, string? Submitter,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, double? QueueWaitMs, double? RunTimeMs)
{
    public static SubmissionRow From(SubmissionRecord s) => new(
        s.Id, s.Language, s.Status.ToString(), s.Result?.Verdict.ToString(), s.Owner, s.Attempts, s.Submitter,
        s.CreatedAt, s.StartedAt, s.CompletedAt,
        s.StartedAt is { } started ? Math.Round((started - s.CreatedAt).TotalMilliseconds, 1) : null,
        s is { StartedAt: { } from, CompletedAt: { } to } ? Math.Round((to - from).TotalMilliseconds, 1) : null);
}
