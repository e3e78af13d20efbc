namespace CodeRunner.Frontend.Compatibility.Piston;

/// <summary>
/// The body of Piston's <c>POST /api/v2/execute</c> (snake_case on the wire). Timeouts are
/// milliseconds, memory limits bytes (<c>-1</c>: no limit of the caller's, so the language's default).
/// </summary>
public sealed record PistonExecuteRequest(
    string? Language = null,
    string? Version = null,
    IReadOnlyList<PistonFile?>? Files = null,
    string? Stdin = null,
    IReadOnlyList<string>? Args = null,
    double? CompileTimeout = null,
    double? RunTimeout = null,
    double? CompileCpuTime = null,
    double? RunCpuTime = null,
    double? CompileMemoryLimit = null,
    double? RunMemoryLimit = null);
