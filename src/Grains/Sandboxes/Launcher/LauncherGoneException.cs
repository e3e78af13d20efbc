namespace CodeRunner.Sandboxes.Launcher;

/// <summary>The launcher's stream ended: the container stopped, was killed, or its connection broke.</summary>
public sealed class LauncherGoneException(string message, Exception inner) : Exception(message, inner);
