namespace CodeRunner.Submissions;

/// <summary>One step of a submission's life.</summary>
/// <param name="Kind">Accepted, Claimed, Released, Requeued or Completed.</param>
/// <param name="SiloId">The silo that took the step, when one did.</param>
/// <param name="Attempt">The claim epoch the step belongs to.</param>
/// <param name="At">When.</param>
/// <param name="Detail">A few words more, when there are any.</param>
public sealed record SubmissionStep(string Kind, string? SiloId, long Attempt, DateTimeOffset At, string? Detail);
