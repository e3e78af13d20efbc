namespace CodeRunner.Cli.Running;

/// <summary>
/// What <c>coderun</c> exits with when the program's own exit code does not apply. A program's own
/// code can coincide with one of these; <c>--json</c> tells them apart for certain.
/// Codes follow sysexits.h for client errors and sit in 110–117 for verdicts, below the 128+signal range.
/// </summary>
public static class ExitCodes
{
    /// <summary>Bad command line, or a file that cannot be read, or a language that cannot be told from the extension.</summary>
    public const int Usage = 64;
    /// <summary>The service refused the request (4xx other than 401/403): the problem is printed.</summary>
    public const int Rejected = 65;
    /// <summary>The service cannot be reached or failed (5xx).</summary>
    public const int Unavailable = 69;
    /// <summary>The service refused the API key (401 or 403).</summary>
    public const int Unauthorized = 77;
    /// <summary>The program exited 0 but its stdout differs from <c>--expected</c>.</summary>
    public const int WrongAnswer = 110;
    public const int CompilationError = 111;
    public const int TimeLimitExceeded = 112;
    public const int MemoryLimitExceeded = 113;
    public const int OutputLimitExceeded = 114;
    /// <summary>The service could not run the program; not the program's fault.</summary>
    public const int InternalError = 115;
    /// <summary>The submission was cancelled (by Ctrl+C or by someone else).</summary>
    public const int Cancelled = 116;
    /// <summary>Added to the signal's number when the program was killed by a signal (as shells do).</summary>
    public const int SignalBase = 128;
    /// <summary>Interrupted by Ctrl+C (128 + SIGINT); the submission is cancelled on the service.</summary>
    public const int Interrupted = 130;
}
