using CodeRunner.Runs;

namespace CodeRunner.Submissions;

/// <summary>A program to run through the cluster.</summary>
/// <param name="Run">What to run.</param>
/// <param name="Priority">Higher runs first; equal priorities run oldest first.</param>
/// <param name="IdempotencyKey">When set, submitting again with the same key returns the first submission instead of a new one.</param>
public sealed record SubmissionRequest(RunRequest Run, int Priority = 0, string? IdempotencyKey = null);
