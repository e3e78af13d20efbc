using CodeRunner.Runs;
using CodeRunner.Submissions;

namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>
/// Judge0's fourteen statuses, and how our states and verdicts map onto them (docs/compatibility.md).
/// Judge0 has no memory, output or cancelled status: those become Runtime Error (Other) or Internal
/// Error, and <c>message</c> names our verdict.
/// </summary>
internal static class Judge0Statuses
{
    public static readonly Judge0Status InQueue = new(1, "In Queue");
    public static readonly Judge0Status Processing = new(2, "Processing");
    public static readonly Judge0Status Accepted = new(3, "Accepted");
    public static readonly Judge0Status WrongAnswer = new(4, "Wrong Answer");
    public static readonly Judge0Status TimeLimitExceeded = new(5, "Time Limit Exceeded");
    public static readonly Judge0Status CompilationError = new(6, "Compilation Error");
    public static readonly Judge0Status Sigsegv = new(7, "Runtime Error (SIGSEGV)");
    public static readonly Judge0Status Sigxfsz = new(8, "Runtime Error (SIGXFSZ)");
    public static readonly Judge0Status Sigfpe = new(9, "Runtime Error (SIGFPE)");
    public static readonly Judge0Status Sigabrt = new(10, "Runtime Error (SIGABRT)");
    public static readonly Judge0Status Nzec = new(11, "Runtime Error (NZEC)");
    public static readonly Judge0Status OtherRuntimeError = new(12, "Runtime Error (Other)");
    public static readonly Judge0Status InternalError = new(13, "Internal Error");
    public static readonly Judge0Status ExecFormatError = new(14, "Exec Format Error");

    public static IReadOnlyList<Judge0Status> All { get; } =
    [
        InQueue, Processing, Accepted, WrongAnswer, TimeLimitExceeded, CompilationError, Sigsegv, Sigxfsz,
        Sigfpe, Sigabrt, Nzec, OtherRuntimeError, InternalError, ExecFormatError,
    ];

    public static Judge0Status Of(Submission submission) => submission switch
    {
        { Status: SubmissionStatus.Queued } => InQueue,
        { Status: SubmissionStatus.Running } or { Result: null } => Processing,
        { Result: { } result } => Of(result),
    };

    public static Judge0Status Of(RunResult result) => result.Verdict switch
    {
        Verdict.Accepted => Accepted,
        Verdict.WrongAnswer => WrongAnswer,
        Verdict.TimeLimitExceeded => TimeLimitExceeded,
        Verdict.CompilationError => CompilationError,
        Verdict.RuntimeError => result.Signal switch
        {
            11 => Sigsegv,
            25 => Sigxfsz,
            8 => Sigfpe,
            6 => Sigabrt,
            null when result.ExitCode is not null and not 0 => Nzec,
            _ => OtherRuntimeError,
        },
        Verdict.MemoryLimitExceeded or Verdict.OutputLimitExceeded => OtherRuntimeError,
        _ => InternalError, // InternalError, Cancelled
    };

    /// <summary>Judge0's <c>message</c>: ours, prefixed with the verdict where the status cannot say it.</summary>
    public static string? MessageOf(RunResult result) => result.Verdict switch
    {
        Verdict.MemoryLimitExceeded => Prefixed("Memory Limit Exceeded", result.Message),
        Verdict.OutputLimitExceeded => Prefixed("Output Limit Exceeded", result.Message),
        Verdict.Cancelled => Prefixed("Cancelled", result.Message),
        _ => result.Message,
    };

    private static string Prefixed(string verdict, string? message) =>
        string.IsNullOrEmpty(message) ? verdict : $"{verdict}: {message}";
}
