namespace CodeRunner.Sandboxes.Launcher;

/// <summary>How a program started by the launcher ended (the <c>D</c> frame).</summary>
public enum ExecOutcome
{
    Exited = 0,
    Signaled = 1,
    FailedToStart = 2,
}

/// <summary>What the launcher noticed about a run; several may be set.</summary>
[Flags]
public enum ExecFlags
{
    None = 0,
    WallTimeExceeded = 1,
    CpuTimeExceeded = 2,
    StdoutOverCap = 4,
    StderrOverCap = 8,
    MemoryExceeded = 16,
    OomKilled = 32,
}

/// <summary>The outcome, measurements and output of one program run by the launcher.</summary>
public sealed record ExecResult(
    ExecOutcome Outcome,
    int ExitCode,
    int Signal,
    ExecFlags Flags,
    long WallMicros,
    long CpuMicros,
    long PeakMemoryBytes,
    string Message,
    byte[] Stdout,
    byte[] Stderr,
    byte[] Combined)
{
    public bool Has(ExecFlags flag) => (Flags & flag) != 0;
}
