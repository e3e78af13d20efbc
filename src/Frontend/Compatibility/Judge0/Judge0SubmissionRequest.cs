namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>
/// A Judge0 submission as clients send it (snake_case on the wire). Times are seconds, sizes are
/// kilobytes. Fields we accept but cannot honour are listed in docs/compatibility.md.
/// </summary>
public sealed record Judge0SubmissionRequest(
    string? SourceCode = null,
    int? LanguageId = null,
    string? CompilerOptions = null,
    string? CommandLineArguments = null,
    string? Stdin = null,
    string? ExpectedOutput = null,
    double? CpuTimeLimit = null,
    double? CpuExtraTime = null,
    double? WallTimeLimit = null,
    double? MemoryLimit = null,
    double? StackLimit = null,
    int? MaxProcessesAndOrThreads = null,
    bool? EnablePerProcessAndThreadTimeLimit = null,
    bool? EnablePerProcessAndThreadMemoryLimit = null,
    double? MaxFileSize = null,
    int? NumberOfRuns = null,
    bool? RedirectStderrToStdout = null,
    string? CallbackUrl = null,
    string? AdditionalFiles = null,
    bool? EnableNetwork = null);
