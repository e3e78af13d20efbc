namespace CodeRunner.Runs;

/// <summary>How one test case went: the same measurements as a run, for that case.</summary>
/// <param name="Index">Position of the case in the request, from 0.</param>
/// <param name="Verdict">This case's verdict.</param>
/// <param name="Stdout">Its stdout, in the request's output encoding.</param>
/// <param name="Stderr">Its stderr, in the request's output encoding.</param>
/// <param name="ExitCode">Its exit status, when it exited.</param>
/// <param name="Signal">The signal that killed it, when one did.</param>
/// <param name="WallTimeMs">Its wall-clock time.</param>
/// <param name="CpuTimeMs">Its CPU time.</param>
/// <param name="MemoryBytes">Its peak memory.</param>
/// <param name="StdoutTruncated">Its stdout was cut at the limit.</param>
/// <param name="StderrTruncated">Its stderr was cut at the limit.</param>
/// <param name="Message">Why, when the verdict needs explaining.</param>
public sealed record TestCaseResult(
    int Index,
    Verdict Verdict,
    string Stdout,
    string Stderr,
    int? ExitCode,
    int? Signal,
    int WallTimeMs,
    int CpuTimeMs,
    long MemoryBytes,
    bool StdoutTruncated,
    bool StderrTruncated,
    string? Message);
