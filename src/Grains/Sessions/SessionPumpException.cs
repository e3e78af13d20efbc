namespace CodeRunner.Sessions;

/// <summary>The launcher did not report the end of a session's program in time; the sandbox is retired.</summary>
public sealed class SessionPumpException(string message) : Exception(message);
