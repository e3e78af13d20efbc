namespace CodeRunner.Submissions;

/// <summary>Queued → Running → Completed. Completed is terminal and carries the result.</summary>
public enum SubmissionStatus
{
    Queued,
    Running,
    Completed,
}
