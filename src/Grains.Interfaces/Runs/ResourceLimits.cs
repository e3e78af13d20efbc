namespace CodeRunner.Runs;

/// <summary>
/// Limits of one step (compile or run). In a request every property is optional: what is left out
/// takes the language's default, and what is given may not pass the language's maximum.
/// </summary>
/// <param name="CpuTimeMs">CPU time of all the step's processes together, in milliseconds.</param>
/// <param name="WallTimeMs">Wall-clock time, in milliseconds.</param>
/// <param name="MemoryBytes">Memory (resident, including files written to the work directory), in bytes.</param>
/// <param name="FileSizeBytes">Size of the largest file the step may write, in bytes.</param>
/// <param name="StdoutBytes">Bytes of stdout kept; a program that writes more is stopped (OutputLimitExceeded).</param>
/// <param name="StderrBytes">Bytes of stderr kept; a program that writes more is stopped (OutputLimitExceeded).</param>
public sealed record ResourceLimits(
    int? CpuTimeMs = null,
    int? WallTimeMs = null,
    long? MemoryBytes = null,
    long? FileSizeBytes = null,
    int? StdoutBytes = null,
    int? StderrBytes = null);
