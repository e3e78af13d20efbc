using CodeRunner.Runs;

namespace CodeRunner.Submissions;

/// <summary>A submission's state as clients see it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Language">The language id it runs in.</param>
/// <param name="Status">Queued, Running or Completed.</param>
/// <param name="Result">The result once Completed (its verdict may be Cancelled).</param>
/// <param name="Attempts">Times a silo has started it (more than one when a silo died under it).</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="StartedAt">When a silo last claimed it.</param>
/// <param name="CompletedAt">When its result was written.</param>
public sealed record Submission(
    Guid Id,
    string Language,
    SubmissionStatus Status,
    RunResult? Result,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt);
