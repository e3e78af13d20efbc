namespace CodeRunner.Languages;

/// <summary>A complete set of limits of one step; see <see cref="Runs.ResourceLimits"/> for each meaning.</summary>
public sealed record ResourceLimitValues(
    int CpuTimeMs,
    int WallTimeMs,
    long MemoryBytes,
    long FileSizeBytes,
    int StdoutBytes,
    int StderrBytes);
