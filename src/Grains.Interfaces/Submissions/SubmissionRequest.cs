using CodeRunner.Runs;

namespace CodeRunner.Submissions;

/// <summary>A program to run through the cluster.</summary>
/// <param name="Run">What to run.</param>
/// <param name="Priority">Higher runs first; equal priorities run oldest first.</param>
/// <param name="IdempotencyKey">When set, submitting again with the same key returns the first submission instead of a new one.</param>
/// <param name="CallbackUrl">When set, the completed submission is POSTed there, signed (docs/api.md, "Callbacks").</param>
/// <param name="Submitter">Who submits (an API key's name): recorded, and what per-submitter quotas count.</param>
/// <param name="MaxActive">When above 0, refuse (<see cref="QuotaExceededException"/>) while the submitter has this many submissions not completed.</param>
public sealed record SubmissionRequest(
    RunRequest Run, int Priority = 0, string? IdempotencyKey = null, string? CallbackUrl = null, string? Submitter = null, int MaxActive = 0);
