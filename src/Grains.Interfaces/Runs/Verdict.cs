namespace CodeRunner.Runs;

/// <summary>How a run ended, judged. Every run ends with exactly one verdict.</summary>
public enum Verdict
{
    /// <summary>The program exited with status 0 (and matched the expected output, when one was given).</summary>
    Accepted,
    /// <summary>The program exited with status 0 but its output differs from the expected output.</summary>
    WrongAnswer,
    /// <summary>The compile step failed, was killed, or ran past its limits.</summary>
    CompilationError,
    /// <summary>The program exited with a non-zero status or was killed by a signal it caused.</summary>
    RuntimeError,
    /// <summary>The program used more CPU time or wall time than its limits allow.</summary>
    TimeLimitExceeded,
    /// <summary>The program used more memory than its limit allows.</summary>
    MemoryLimitExceeded,
    /// <summary>The program wrote more to stdout or stderr than its limits allow.</summary>
    OutputLimitExceeded,
    /// <summary>The service could not run the program; the message says why. Not the program's fault.</summary>
    InternalError,
    /// <summary>The submission was cancelled before it finished. Never produced by a run itself.</summary>
    Cancelled,
}
