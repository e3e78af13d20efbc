using CodeRunner.Submissions;
using System.Globalization;
using System.Text;
using CodeRunner.Cli.Http;
using CodeRunner.Runs;

namespace CodeRunner.Cli.Running;

/// <summary>What a completed submission means to the shell: an exit code, and a one-line summary for stderr.</summary>
public static class Outcome
{
    public static int ExitCodeOf(SubmissionDocument document) => document.Verdict switch
    {
        Verdict.Accepted => 0,
        Verdict.RuntimeError when document.Signal is > 0 and var signal => ExitCodes.SignalBase + signal,
        // Exit statuses are 0–255 on Linux; anything else would wrap in the shell.
        Verdict.RuntimeError => document.ExitCode is >= 1 and <= 255 ? document.ExitCode.Value : 1,
        // A wrong answer exits 0 from the program, and 0 would tell a script that all went well.
        Verdict.WrongAnswer => ExitCodes.WrongAnswer,
        Verdict.CompilationError => ExitCodes.CompilationError,
        Verdict.TimeLimitExceeded => ExitCodes.TimeLimitExceeded,
        Verdict.MemoryLimitExceeded => ExitCodes.MemoryLimitExceeded,
        Verdict.OutputLimitExceeded => ExitCodes.OutputLimitExceeded,
        Verdict.Cancelled => ExitCodes.Cancelled,
        _ => ExitCodes.InternalError,
    };

    /// <summary>Such as <c>RuntimeError (exit code 3): 41 ms, cpu 12 ms, 9.1 MiB</c>.</summary>
    public static string Summary(SubmissionDocument document)
    {
        var line = new StringBuilder(document.Verdict?.ToString() ?? "no verdict");
        if (document.Signal is > 0)
            line.Append(CultureInfo.InvariantCulture, $" (signal {document.Signal})");
        else if (document.ExitCode is { } exit && exit != 0)
            line.Append(CultureInfo.InvariantCulture, $" (exit code {exit})");
        line.Append(CultureInfo.InvariantCulture, $": {document.WallTimeMs ?? 0} ms, cpu {document.CpuTimeMs ?? 0} ms, {Mebibytes(document.MemoryBytes ?? 0)} MiB");
        if (document.StdoutTruncated == true || document.StderrTruncated == true)
            line.Append("; output truncated");
        if (document.Verdict is not (Verdict.Accepted or Verdict.RuntimeError) && !string.IsNullOrEmpty(document.Message))
            line.Append("; ").Append(document.Message);
        return line.ToString();
    }

    private static string Mebibytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
