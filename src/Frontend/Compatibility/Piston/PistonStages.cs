using CodeRunner.Runs;

namespace CodeRunner.Frontend.Compatibility.Piston;

/// <summary>Our result as Piston's stages (docs/compatibility.md has the table).</summary>
internal static class PistonStages
{
    public static PistonExecuteResponse Response(string language, string version, bool compiled, RunResult result)
    {
        PistonStage? compile = null;
        if (compiled)
        {
            // We keep the compiler's stdout and stderr together, in order: they go to stderr (where
            // compilers write diagnostics) and output. Its exit status is not kept: 1 stands for failure.
            var output = result.CompileOutput ?? "";
            var failed = result.Verdict == Verdict.CompilationError;
            compile = new PistonStage("", output, output, failed ? 1 : 0, null, failed ? result.Message : null, failed ? "RE" : null, null, null, null);
            if (failed)
                return new PistonExecuteResponse(language, version, compile, compile); // as Piston does when the run stage never started
        }
        var run = new PistonStage(
            result.Stdout,
            result.Stderr,
            result.Stdout + result.Stderr,
            result.Signal is null ? result.ExitCode : null,
            SignalOf(result),
            result.Message,
            StatusOf(result),
            result.CpuTimeMs,
            result.WallTimeMs,
            result.MemoryBytes);
        return new PistonExecuteResponse(language, version, run, compile);
    }

    private static string? StatusOf(RunResult result) => result.Verdict switch
    {
        Verdict.Accepted or Verdict.WrongAnswer => null,
        Verdict.TimeLimitExceeded => "TO",
        Verdict.OutputLimitExceeded => result.StdoutTruncated ? "OL" : "EL",
        Verdict.MemoryLimitExceeded => "SG",
        Verdict.RuntimeError => result.Signal is null ? "RE" : "SG",
        _ => "XX", // InternalError, Cancelled
    };

    /// <summary>The signal by name; a run stopped at its memory limit was killed (SIGKILL) even when the launcher's kill is not recorded as a signal.</summary>
    private static string? SignalOf(RunResult result) =>
        result.Signal is { } signal ? Name(signal) : result.Verdict == Verdict.MemoryLimitExceeded ? "SIGKILL" : null;

    private static string Name(int signal) => signal switch
    {
        1 => "SIGHUP", 2 => "SIGINT", 3 => "SIGQUIT", 4 => "SIGILL", 5 => "SIGTRAP", 6 => "SIGABRT", 7 => "SIGBUS",
        8 => "SIGFPE", 9 => "SIGKILL", 10 => "SIGUSR1", 11 => "SIGSEGV", 12 => "SIGUSR2", 13 => "SIGPIPE",
        14 => "SIGALRM", 15 => "SIGTERM", 24 => "SIGXCPU", 25 => "SIGXFSZ", 31 => "SIGSYS",
        _ => $"SIG{signal}",
    };
}
