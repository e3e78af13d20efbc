namespace CodeRunner.Storage;

/// <summary>One page of a <see cref="SubmissionQuery"/> and how many rows match it in all.</summary>
public sealed record SubmissionPage(IReadOnlyList<SubmissionRecord> Items, int Total);
