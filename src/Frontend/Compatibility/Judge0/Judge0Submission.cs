namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>
/// A submission as Judge0 shows it (snake_case on the wire): texts are plain or base64, times are
/// seconds as strings, memory is kilobytes. <c>fields</c> picks which of these a response carries.
/// </summary>
public sealed record Judge0Submission(
    string Token,
    Judge0Status Status,
    int StatusId,
    int LanguageId,
    Judge0Language Language,
    string? Stdout,
    string? Stderr,
    string? CompileOutput,
    string? Message,
    int? ExitCode,
    int? ExitSignal,
    string? Time,
    string? WallTime,
    long? Memory,
    string CreatedAt,
    string? FinishedAt);
