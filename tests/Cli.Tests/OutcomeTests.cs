using CodeRunner.Cli.Http;
using CodeRunner.Cli.Running;
using CodeRunner.Runs;
using CodeRunner.Submissions;

namespace CodeRunner.Tests;

/// <summary>The exit codes of verdicts a python or bash program cannot easily produce on demand.</summary>
public sealed class OutcomeTests
{
    private static SubmissionDocument Completed(Verdict verdict, int? exitCode = null, int? signal = null) => new(
        Guid.NewGuid(), "c", SubmissionStatus.Completed, verdict, "", "", "", exitCode, signal, 1, 1, 1, false, false,
        ContentEncoding.Base64, "why", 1, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    [Theory]
    [InlineData(Verdict.Accepted, 0, null, 0)]
    [InlineData(Verdict.RuntimeError, 7, null, 7)]
    [InlineData(Verdict.RuntimeError, null, 11, 139)]
    [InlineData(Verdict.CompilationError, null, null, 111)]
    [InlineData(Verdict.MemoryLimitExceeded, null, 9, 113)]
    [InlineData(Verdict.OutputLimitExceeded, null, null, 114)]
    [InlineData(Verdict.InternalError, null, null, 115)]
    [InlineData(Verdict.Cancelled, null, null, 116)]
    public void EachVerdictHasItsDocumentedExitCode(Verdict verdict, int? exitCode, int? signal, int expected) =>
        Assert.Equal(expected, Outcome.ExitCodeOf(Completed(verdict, exitCode, signal)));

    [Fact]
    public void TheSummaryNamesTheVerdictTimeAndMemory()
    {
        var summary = Outcome.Summary(Completed(Verdict.RuntimeError, 3) with { WallTimeMs = 41, CpuTimeMs = 12, MemoryBytes = 9 * 1048576 });
        Assert.Equal("RuntimeError (exit code 3): 41 ms, cpu 12 ms, 9.0 MiB", summary);
    }
}
