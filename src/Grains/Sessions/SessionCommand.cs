using CodeRunner.Runs;
using CodeRunner.Sandboxes.Launcher;

namespace CodeRunner.Sessions;

internal static class SessionCommand
{
    /// <summary>
    /// The run step with the session's limits: the CPU limit of <see cref="SessionOptions.CpuTimeLimit"/>
    /// unless the start message set one, the wall limit a backstop past <see cref="SessionOptions.MaxDuration"/>
    /// (the pump closes the session first), output caps above the session's total.
    /// </summary>
    public static ExecCommand For(RunPlan plan, SessionStart start, SessionOptions o)
    {
        var cap = o.MaxOutputBytes == int.MaxValue ? int.MaxValue : o.MaxOutputBytes + 1;
        // Output must show up as it is written: Python buffers a pipe unless told not to. On a
        // terminal, programs line-buffer by themselves.
        List<string> env = [.. plan.Run.Env, "PYTHONUNBUFFERED=1"];
        if (start.Tty)
            env.Add("TERM=xterm-256color");
        return plan.Run with
        {
            Env = env,
            CpuTimeMs = start.Limits?.CpuTimeMs ?? (int)o.CpuTimeLimit.TotalMilliseconds,
            WallTimeMs = (int)Math.Min(uint.MaxValue / 2, (o.MaxDuration + TimeSpan.FromSeconds(5)).TotalMilliseconds),
            StdoutCap = cap,
            StderrCap = cap,
            Terminal = start.Tty ? new TerminalSize((ushort)start.Cols, (ushort)start.Rows) : null,
        };
    }
}
