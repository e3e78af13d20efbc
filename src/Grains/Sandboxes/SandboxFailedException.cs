namespace CodeRunner.Sandboxes;

/// <summary>The sandbox stopped working (launcher gone, no answer in time, protocol broken); it is retired.</summary>
public sealed class SandboxFailedException(string message, Exception? inner = null) : Exception(message, inner);
