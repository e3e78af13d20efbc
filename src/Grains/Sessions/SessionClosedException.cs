namespace CodeRunner.Sessions;

/// <summary>Ends a session with a close code of <see cref="SessionCloseCodes"/> and a reason the client is told.</summary>
public sealed class SessionClosedException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
