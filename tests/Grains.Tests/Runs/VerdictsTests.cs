using System.Text;
using CodeRunner.Runs;
using CodeRunner.Sandboxes.Launcher;

namespace CodeRunner.Tests.Runs;

public class VerdictsTests
{
    private static RunPlan Plan(string language = "python", string? expected = null, ContentEncoding output = ContentEncoding.Utf8) =>
        RunPlanner.Plan(new RunRequest(language, [new SourceFile(TestLanguages.Get(language).Definition.SourceFile, "")],
            ExpectedOutput: expected, OutputEncoding: output), TestLanguages.Catalog, new RunOptions());

    private static ExecResult Exec(ExecOutcome outcome = ExecOutcome.Exited, int exit = 0, int signal = 0, ExecFlags flags = ExecFlags.None,
        string stdout = "", long peak = 1 << 20) =>
        new(outcome, exit, signal, flags, 12_345, 6_789, peak, "", Encoding.UTF8.GetBytes(stdout), [], Encoding.UTF8.GetBytes(stdout));

    [Fact]
    public void CleanExitIsAcceptedWithMeasurements()
    {
        var result = Verdicts.Judge(Plan(), null, Exec(stdout: "hi\n"));
        Assert.Equal(Verdict.Accepted, result.Verdict);
        Assert.Equal("hi\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(12, result.WallTimeMs);
        Assert.Equal(6, result.CpuTimeMs);
    }

    [Fact]
    public void TheCompileStepsTimeIsKeptApartFromTheRunsAndAbsentWithoutACompile()
    {
        var compiled = Verdicts.Judge(Plan("c"), Exec(), Exec(stdout: "hi\n") with { WallMicros = 3_000 });
        Assert.Equal(12, compiled.CompileTimeMs);
        Assert.Equal(3, compiled.WallTimeMs);
        Assert.Equal(12, Verdicts.Judge(Plan("c"), Exec(exit: 1), null).CompileTimeMs);
        Assert.Null(Verdicts.Judge(Plan(), null, Exec()).CompileTimeMs);
    }

    [Fact]
    public void ExpectedOutputDecidesBetweenAcceptedAndWrongAnswer()
    {
        Assert.Equal(Verdict.Accepted, Verdicts.Judge(Plan(expected: "42"), null, Exec(stdout: "42\n")).Verdict);
        Assert.Equal(Verdict.WrongAnswer, Verdicts.Judge(Plan(expected: "42"), null, Exec(stdout: "41\n")).Verdict);
    }

    [Theory]
    [InlineData(ExecFlags.MemoryExceeded, Verdict.MemoryLimitExceeded)]
    [InlineData(ExecFlags.OomKilled, Verdict.MemoryLimitExceeded)]
    [InlineData(ExecFlags.CpuTimeExceeded, Verdict.TimeLimitExceeded)]
    [InlineData(ExecFlags.WallTimeExceeded, Verdict.TimeLimitExceeded)]
    [InlineData(ExecFlags.StdoutOverCap, Verdict.OutputLimitExceeded)]
    [InlineData(ExecFlags.StderrOverCap, Verdict.OutputLimitExceeded)]
    public void LimitFlagsDecideTheVerdict(ExecFlags flag, Verdict verdict) =>
        Assert.Equal(verdict, Verdicts.Judge(Plan(), null, Exec(ExecOutcome.Signaled, -1, 9, flag)).Verdict);

    [Fact]
    public void MemoryOutranksTimeWhenBothWereSeen() =>
        Assert.Equal(Verdict.MemoryLimitExceeded,
            Verdicts.Judge(Plan(), null, Exec(ExecOutcome.Signaled, -1, 9, ExecFlags.OomKilled | ExecFlags.WallTimeExceeded)).Verdict);

    [Fact]
    public void KillNearTheMemoryLimitIsMemoryLimitExceeded()
    {
        var plan = Plan();
        var result = Verdicts.Judge(plan, null, Exec(ExecOutcome.Signaled, -1, 9, peak: plan.Run.MemoryBytes));
        Assert.Equal(Verdict.MemoryLimitExceeded, result.Verdict);
    }

    [Fact]
    public void SignalsAndNonZeroExitsAreRuntimeErrors()
    {
        var segv = Verdicts.Judge(Plan(), null, Exec(ExecOutcome.Signaled, -1, 11));
        Assert.Equal(Verdict.RuntimeError, segv.Verdict);
        Assert.Equal(11, segv.Signal);
        Assert.Null(segv.ExitCode);
        Assert.Contains("SIGSEGV", segv.Message, StringComparison.Ordinal);
        Assert.Equal(Verdict.RuntimeError, Verdicts.Judge(Plan(), null, Exec(exit: 3)).Verdict);
    }

    [Fact]
    public void CpuSignalFromTheRlimitBackstopIsTimeLimitExceeded() =>
        Assert.Equal(Verdict.TimeLimitExceeded, Verdicts.Judge(Plan(), null, Exec(ExecOutcome.Signaled, -1, 24)).Verdict);

    [Fact]
    public void FailedCompileIsCompilationErrorWithItsOutput()
    {
        var compile = Exec(exit: 1, stdout: "main.c:1: error");
        var result = Verdicts.Judge(Plan("c"), compile, null);
        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.Equal("main.c:1: error", result.CompileOutput);
    }

    [Fact]
    public void CompileThatRunsPastItsTimeIsCompilationError()
    {
        var result = Verdicts.Judge(Plan("c"), Exec(ExecOutcome.Signaled, -1, 9, ExecFlags.WallTimeExceeded), null);
        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.Contains("time limit", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingInterpreterIsInternalErrorButMissingBinaryIsRuntimeError()
    {
        Assert.Equal(Verdict.InternalError, Verdicts.Judge(Plan(), null, Exec(ExecOutcome.FailedToStart, -1)).Verdict);
        Assert.Equal(Verdict.RuntimeError, Verdicts.Judge(Plan("c"), Exec(), Exec(ExecOutcome.FailedToStart, -1)).Verdict);
    }

    [Fact]
    public void Base64OutputKeepsInvalidUtf8Intact()
    {
        byte[] bytes = [0xff, 0xfe, 0x00, 0x80];
        var exec = Exec() with { Stdout = bytes };
        var result = Verdicts.Judge(Plan(output: ContentEncoding.Base64), null, exec);
        Assert.Equal(bytes, Convert.FromBase64String(result.Stdout));
    }

    [Fact]
    public void FirstFailingTestCaseDecidesAndEachCaseHasItsVerdict()
    {
        var plan = RunPlanner.Plan(new RunRequest("python", [new SourceFile("main.py", "")],
            TestCases: [new TestCase("", "1"), new TestCase("", "2"), new TestCase("", "3")]), TestLanguages.Catalog, new RunOptions());
        var result = Verdicts.JudgeTestCases(plan, null,
            [Exec(stdout: "1\n"), Exec(stdout: "9\n") with { WallMicros = 50_000 }, Exec(ExecOutcome.Signaled, -1, 9, ExecFlags.WallTimeExceeded)]);
        Assert.Equal(Verdict.WrongAnswer, result.Verdict);
        Assert.Equal("9\n", result.Stdout);
        Assert.StartsWith("test case 1:", result.Message, StringComparison.Ordinal);
        Assert.Equal([Verdict.Accepted, Verdict.WrongAnswer, Verdict.TimeLimitExceeded], result.TestCases!.Select(c => c.Verdict));
        Assert.Equal(50, result.WallTimeMs);

        var allPass = Verdicts.JudgeTestCases(plan, null, [Exec(stdout: "1\n"), Exec(stdout: "2\n"), Exec(stdout: "3\n")]);
        Assert.Equal(Verdict.Accepted, allPass.Verdict);
        Assert.Null(allPass.Message);
    }
}
