namespace CodeRunner.Storage;

/// <summary>
/// A page of recent submissions, newest first, for operators. Every filter is optional; offset
/// paging, because an operator jumps between pages of a list that a total can describe.
/// </summary>
/// <param name="Language">Only this language id.</param>
/// <param name="Verdict">Only completed submissions with this verdict (as the result names it, e.g. <c>Accepted</c>).</param>
/// <param name="SiloId">Only submissions owned (running, or completed) by this silo.</param>
/// <param name="Status">Only this status.</param>
/// <param name="Offset">Rows skipped (0 or more).</param>
/// <param name="Limit">Rows returned (1 or more; callers cap it).</param>
public sealed record SubmissionQuery(
    string? Language = null, string? Verdict = null, string? SiloId = null, SubmissionStatus? Status = null, int Offset = 0, int Limit = 50);
