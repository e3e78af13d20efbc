using CodeRunner.Runs;

namespace CodeRunner.Submissions;

/// <summary>
/// A submission as the HTTP API shows it (docs/api.md): its state and, once Completed, its result
/// flattened in. The wire contract shared by the Frontend and HTTP clients such as the CLI.
/// </summary>
public sealed record SubmissionDocument(
    Guid Id,
    string Language,
    SubmissionStatus Status,
    Verdict? Verdict,
    string? Stdout,
    string? Stderr,
    string? CompileOutput,
    int? ExitCode,
    int? Signal,
    int? WallTimeMs,
    int? CpuTimeMs,
    long? MemoryBytes,
    bool? StdoutTruncated,
    bool? StderrTruncated,
    ContentEncoding? OutputEncoding,
    string? Message,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<TestCaseResult>? TestCases = null,
    int? CompileTimeMs = null)
{
    public static SubmissionDocument From(Submission s) => new(
        s.Id, s.Language, s.Status, s.Result?.Verdict, s.Result?.Stdout, s.Result?.Stderr, s.Result?.CompileOutput,
        s.Result?.ExitCode, s.Result?.Signal, s.Result?.WallTimeMs, s.Result?.CpuTimeMs, s.Result?.MemoryBytes,
        s.Result?.StdoutTruncated, s.Result?.StderrTruncated, s.Result?.OutputEncoding, s.Result?.Message,
        s.Attempts, s.CreatedAt, s.StartedAt, s.CompletedAt, s.Result?.TestCases, s.Result?.CompileTimeMs);
}
