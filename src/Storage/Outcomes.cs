using CodeRunner.Runs;

namespace CodeRunner.Storage;

/// <summary>
/// The results the store writes itself, and what becomes of a running submission whose owner is
/// gone. Both stores decide alike.
/// </summary>
internal static class Outcomes
{
    public static RunResult Cancelled(RunRequest request, string message) =>
        Empty(Verdict.Cancelled, request, message);

    public static RunResult InternalError(RunRequest request, string message) =>
        Empty(Verdict.InternalError, request, message);

    /// <summary>
    /// A running submission of a dead silo: a requested cancel is honoured (running it again
    /// would defeat it); at the attempt limit it fails; otherwise it is queued again.
    /// Null means "requeue"; otherwise the result that completes it.
    /// </summary>
    public static RunResult? AfterOwnerDied(SubmissionRecord submission, string deadSiloId, int maxAttempts)
    {
        if (submission.CancelRequested)
            return Cancelled(submission.Request, $"Cancelled; silo {deadSiloId} died while running it.");
        if (submission.Attempts >= maxAttempts)
            return InternalError(submission.Request,
                $"The submission was abandoned: the silo running it ({deadSiloId}) died, and it had had {submission.Attempts} of {maxAttempts} attempts.");
        return null;
    }

    /// <summary>The event detail of a requeue after the owner died.</summary>
    public static string RequeuedDetail(string deadSiloId, SubmissionRecord submission, int maxAttempts) =>
        $"silo {deadSiloId} died (attempt {submission.Attempts} of {maxAttempts})";

    private static RunResult Empty(Verdict verdict, RunRequest request, string message) =>
        RunResult.WithoutOutput(verdict, request.OutputEncoding, message);
}
