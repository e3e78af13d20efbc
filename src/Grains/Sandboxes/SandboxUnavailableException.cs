namespace CodeRunner.Sandboxes;

/// <summary>No sandbox of the language became free in time, or the language has no pool on this node.</summary>
public sealed class SandboxUnavailableException(string message) : Exception(message);
