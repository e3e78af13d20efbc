namespace CodeRunner.Sandboxes.Launcher;

/// <summary>One program for the launcher to start as the run user, with its limits (the <c>X</c> frame).</summary>
public sealed record ExecCommand(
    IReadOnlyList<string> Argv,
    IReadOnlyList<string> Env,
    int CpuTimeMs,
    int WallTimeMs,
    long MemoryBytes,
    long FileSizeBytes,
    int StdoutCap,
    int StderrCap,
    int OpenFiles = 256);
