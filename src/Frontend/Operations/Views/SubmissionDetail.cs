using CodeRunner.Submissions;

namespace CodeRunner.Frontend.Operations.Views;

/// <summary>One submission with its whole lifecycle (accepted, claimed by whom, released, requeued, completed, callbacks).</summary>
/// <param name="Submission">The row.</param>
/// <param name="Document">The document editors get (result included).</param>
/// <param name="Lifecycle">Its steps, oldest first.</param>
public sealed record SubmissionDetail(SubmissionRow Submission, SubmissionDocument Document, IReadOnlyList<SubmissionStep> Lifecycle);
