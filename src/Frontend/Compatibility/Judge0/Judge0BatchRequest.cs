namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>The body of <c>POST /submissions/batch</c>.</summary>
public sealed record Judge0BatchRequest(IReadOnlyList<Judge0SubmissionRequest?>? Submissions);
