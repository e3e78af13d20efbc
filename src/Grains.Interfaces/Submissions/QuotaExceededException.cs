namespace CodeRunner.Submissions;

/// <summary>The submitter already has as many submissions in flight as its quota allows; nothing was accepted.</summary>
public sealed class QuotaExceededException(string submitter, int active)
    : Exception($"{submitter} has {active} submissions queued or running, its quota; wait for one to finish.")
{
    public string Submitter { get; } = submitter;

    public int Active { get; } = active;
}
