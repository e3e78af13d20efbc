using System.Text;
using CodeRunner.Sandboxes.Launcher;

namespace CodeRunner.Runs;

/// <summary>Turns what the launcher measured into a verdict and a result (docs/languages.md, "Verdicts").</summary>
public static class Verdicts
{
    private const int SigKill = 9, SigXcpu = 24, SigXfsz = 25;

    public static bool CompileSucceeded(ExecResult compile) =>
        compile.Outcome == ExecOutcome.Exited && compile.ExitCode == 0 && compile.Flags == ExecFlags.None;

    public static RunResult Judge(RunPlan plan, ExecResult? compile, ExecResult? run)
    {
        var compileOutput = compile is null ? null : Encode(compile.Combined, plan.OutputEncoding);
        if (compile is not null && !CompileSucceeded(compile))
        {
            var (verdict, message) = compile.Outcome == ExecOutcome.FailedToStart
                ? (Verdict.InternalError, $"the compiler could not start: {compile.Message}")
                : (Verdict.CompilationError, CompileFailure(compile));
            return Result(plan, verdict, compile, compileOutput, message) with
            {
                ExitCode = null, Signal = null, WallTimeMs = 0, CpuTimeMs = 0, MemoryBytes = 0, CompileTimeMs = CompileTime(compile),
            };
        }
        if (run is null)
            throw new ArgumentNullException(nameof(run), "A run result is required when the compile step succeeded.");
        var (runVerdict, runMessage) = JudgeRun(plan, run);
        return Result(plan, runVerdict, run, compileOutput, runMessage) with { CompileTimeMs = CompileTime(compile) };
    }

    private static int? CompileTime(ExecResult? compile) => compile is null ? null : (int)(compile.WallMicros / 1000);

    /// <summary>
    /// One result per case, judged against its own expected output; overall, the first case that is
    /// not Accepted decides (its outputs are shown), else the last case's; times and memory are the
    /// largest of any case.
    /// </summary>
    public static RunResult JudgeTestCases(RunPlan plan, ExecResult? compile, IReadOnlyList<ExecResult> runs)
    {
        var cases = plan.TestCases!;
        var compileOutput = compile is null ? null : Encode(compile.Combined, plan.OutputEncoding);
        var results = new List<TestCaseResult>(runs.Count);
        for (var i = 0; i < runs.Count; i++)
        {
            var (verdict, message) = JudgeRun(plan with { ExpectedOutput = cases[i].ExpectedOutput }, runs[i]);
            var r = Result(plan, verdict, runs[i], null, message);
            results.Add(new TestCaseResult(i, verdict, r.Stdout, r.Stderr, r.ExitCode, r.Signal, r.WallTimeMs, r.CpuTimeMs, r.MemoryBytes,
                r.StdoutTruncated, r.StderrTruncated, message));
        }
        var decisive = results.FirstOrDefault(r => r.Verdict != Verdict.Accepted) ?? results[^1];
        return new RunResult(
            decisive.Verdict, decisive.Stdout, decisive.Stderr, compileOutput, decisive.ExitCode, decisive.Signal,
            results.Max(r => r.WallTimeMs), results.Max(r => r.CpuTimeMs), results.Max(r => r.MemoryBytes),
            decisive.StdoutTruncated, decisive.StderrTruncated, plan.OutputEncoding,
            decisive.Verdict == Verdict.Accepted ? null : $"test case {decisive.Index}: {decisive.Message}",
            results,
            CompileTime(compile));
    }

    public static RunResult InternalError(RunPlan plan, string message) =>
        RunResult.WithoutOutput(Verdict.InternalError, plan.OutputEncoding, message);

    private static (Verdict, string?) JudgeRun(RunPlan plan, ExecResult run)
    {
        var limits = plan.Run;
        if (run.Outcome == ExecOutcome.FailedToStart)
        {
            return plan.Compile is null
                ? (Verdict.InternalError, $"the interpreter could not start: {run.Message}")
                : (Verdict.RuntimeError, $"the program could not start: {run.Message}");
        }
        if (run.Has(ExecFlags.MemoryExceeded) || run.Has(ExecFlags.OomKilled)
            || (run.Signal == SigKill && run.PeakMemoryBytes >= limits.MemoryBytes * 95 / 100))
            return (Verdict.MemoryLimitExceeded, $"the program used more than its memory limit of {limits.MemoryBytes / (1 << 20)} MiB");
        if (run.Has(ExecFlags.CpuTimeExceeded) || run.Signal == SigXcpu)
            return (Verdict.TimeLimitExceeded, $"the program used more than its CPU time limit of {limits.CpuTimeMs} ms");
        if (run.Has(ExecFlags.WallTimeExceeded))
            return (Verdict.TimeLimitExceeded, $"the program ran longer than its wall time limit of {limits.WallTimeMs} ms");
        if (run.Has(ExecFlags.StdoutOverCap))
            return (Verdict.OutputLimitExceeded, $"the program wrote more than {limits.StdoutCap} bytes to stdout");
        if (run.Has(ExecFlags.StderrOverCap))
            return (Verdict.OutputLimitExceeded, $"the program wrote more than {limits.StderrCap} bytes to stderr");
        if (run.Outcome == ExecOutcome.Signaled)
        {
            return run.Signal == SigXfsz
                ? (Verdict.RuntimeError, $"the program wrote a file larger than its limit of {limits.FileSizeBytes} bytes")
                : (Verdict.RuntimeError, $"the program was killed by signal {run.Signal} ({SignalName(run.Signal)})");
        }
        if (run.ExitCode != 0)
            return (Verdict.RuntimeError, $"the program exited with status {run.ExitCode}");
        if (plan.ExpectedOutput is { } expected && !OutputComparer.Matches(run.Stdout, expected, plan.Comparison))
            return (Verdict.WrongAnswer, "the output differs from the expected output");
        return (Verdict.Accepted, null);
    }

    private static string CompileFailure(ExecResult compile) =>
        compile.Has(ExecFlags.CpuTimeExceeded) || compile.Has(ExecFlags.WallTimeExceeded) || compile.Signal == SigXcpu
            ? "the compiler ran past its time limit"
            : compile.Has(ExecFlags.MemoryExceeded) || compile.Has(ExecFlags.OomKilled)
                ? "the compiler ran past its memory limit"
                : compile.Has(ExecFlags.StdoutOverCap) || compile.Has(ExecFlags.StderrOverCap)
                    ? "the compiler wrote more output than allowed"
                    : compile.Outcome == ExecOutcome.Signaled
                        ? $"the compiler was killed by signal {compile.Signal} ({SignalName(compile.Signal)})"
                        : $"the compiler exited with status {compile.ExitCode}";

    private static RunResult Result(RunPlan plan, Verdict verdict, ExecResult exec, string? compileOutput, string? message) => new(
        verdict,
        Encode(exec.Stdout, plan.OutputEncoding),
        Encode(exec.Stderr, plan.OutputEncoding),
        compileOutput,
        exec.Outcome == ExecOutcome.Exited ? exec.ExitCode : null,
        exec.Outcome == ExecOutcome.Signaled ? exec.Signal : null,
        (int)(exec.WallMicros / 1000),
        (int)(exec.CpuMicros / 1000),
        exec.PeakMemoryBytes,
        exec.Has(ExecFlags.StdoutOverCap),
        exec.Has(ExecFlags.StderrOverCap),
        plan.OutputEncoding,
        message);

    private static string Encode(byte[] bytes, ContentEncoding encoding) =>
        encoding == ContentEncoding.Base64 ? Convert.ToBase64String(bytes) : Encoding.UTF8.GetString(bytes);

    private static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP", 2 => "SIGINT", 3 => "SIGQUIT", 4 => "SIGILL", 5 => "SIGTRAP", 6 => "SIGABRT", 7 => "SIGBUS",
        8 => "SIGFPE", 9 => "SIGKILL", 11 => "SIGSEGV", 13 => "SIGPIPE", 14 => "SIGALRM", 15 => "SIGTERM",
        24 => "SIGXCPU", 25 => "SIGXFSZ", 31 => "SIGSYS",
        _ => "signal " + signal,
    };
}
