namespace CodeRunner.Sessions;

/// <summary>
/// WebSocket close codes of an interactive session (docs/api.md, "Interactive sessions"). Every code
/// but <see cref="ProgramEnded"/> and <see cref="ShuttingDown"/> follows an <c>error</c> message whose
/// <c>code</c> is the same number.
/// </summary>
public static class SessionCloseCodes
{
    /// <summary>The program ended; the <c>exit</c> message came first.</summary>
    public const int ProgramEnded = 1000;

    /// <summary>The server is shutting down.</summary>
    public const int ShuttingDown = 1001;

    /// <summary>Something broke on the server side (a sandbox failed).</summary>
    public const int InternalError = 1011;

    /// <summary>A bad start message or a bad frame; the message says what.</summary>
    public const int BadRequest = 4400;

    /// <summary>No API key where one is required, or an unknown key.</summary>
    public const int Unauthorized = 4401;

    /// <summary>No input and no output for the idle limit.</summary>
    public const int IdleTimeout = 4408;

    /// <summary>The session reached its time limit.</summary>
    public const int TimeLimit = 4409;

    /// <summary>The program wrote more than the session's output rate or total allows.</summary>
    public const int OutputLimit = 4413;

    /// <summary>Over the caller's rate limit or quota.</summary>
    public const int TooManyRequests = 4429;

    /// <summary>The silo running the session was lost.</summary>
    public const int SiloLost = 4502;

    /// <summary>No capacity for the language now, or the cluster is in maintenance.</summary>
    public const int Unavailable = 4503;
}
