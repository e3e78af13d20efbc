namespace CodeRunner.Runs;

/// <summary>What one run produced, and the verdict on it.</summary>
/// <param name="Verdict">How the run ended, judged.</param>
/// <param name="Stdout">Standard output of the run step, in <paramref name="OutputEncoding"/>.</param>
/// <param name="Stderr">Standard error of the run step, in <paramref name="OutputEncoding"/>.</param>
/// <param name="CompileOutput">What the compiler wrote (stdout and stderr in the order written); null when the language does not compile.</param>
/// <param name="ExitCode">Exit status of the run step; null when it was killed by a signal or did not run.</param>
/// <param name="Signal">The signal that killed the program, when one did.</param>
/// <param name="WallTimeMs">Wall-clock time of the run step.</param>
/// <param name="CpuTimeMs">CPU time of the run step, all its processes together.</param>
/// <param name="MemoryBytes">Peak memory of the run step.</param>
/// <param name="StdoutTruncated">Stdout was cut at its limit.</param>
/// <param name="StderrTruncated">Stderr was cut at its limit.</param>
/// <param name="OutputEncoding">How the three outputs are encoded.</param>
/// <param name="Message">A sentence explaining the verdict when the outputs do not (which limit, what failed).</param>
/// <param name="CompileTimeMs">Wall-clock time of the compile step; null when the language does not compile.</param>
/// <param name="TestCases">With test cases: each case's result. The verdict is then the first case's that is not Accepted (else Accepted), the outputs are that case's (else the last one's), times and memory the largest of any case.</param>
public sealed record RunResult(
    Verdict Verdict,
    string Stdout,
    string Stderr,
    string? CompileOutput,
    int? ExitCode,
    int? Signal,
    int WallTimeMs,
    int CpuTimeMs,
    long MemoryBytes,
    bool StdoutTruncated,
    bool StderrTruncated,
    ContentEncoding OutputEncoding,
    string? Message = null,
    IReadOnlyList<TestCaseResult>? TestCases = null,
    int? CompileTimeMs = null)
{
    /// <summary>A result with no output: the program did not run, or was ended from outside (cancelled, abandoned, refused).</summary>
    public static RunResult WithoutOutput(Verdict verdict, ContentEncoding outputEncoding, string message) =>
        new(verdict, "", "", null, null, null, 0, 0, 0, false, false, outputEncoding, message);
}
