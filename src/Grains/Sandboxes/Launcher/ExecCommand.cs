namespace CodeRunner.Sandboxes.Launcher;

/// <summary>One program for the launcher to start as the run user, with its limits (the <c>X</c> frame).</summary>
/// <remarks>
/// <see cref="Processes"/> is RLIMIT_NPROC, 0 for none: only meaningful under gVisor (see <see cref="SandboxGrain"/>).
/// <see cref="Terminal"/> runs the program on a pseudo-terminal (interactive sessions): stdout and stderr are one stream.
/// </remarks>
public sealed record ExecCommand(
    IReadOnlyList<string> Argv,
    IReadOnlyList<string> Env,
    int CpuTimeMs,
    int WallTimeMs,
    long MemoryBytes,
    long FileSizeBytes,
    int StdoutCap,
    int StderrCap,
    int OpenFiles = 256,
    int Processes = 0,
    TerminalSize? Terminal = null);
