namespace CodeRunner.Sandboxes;

/// <summary>The sandbox stopped working (launcher gone, no answer in time, protocol broken); it is retired.</summary>
/// <param name="message">What failed, naming the sandbox.</param>
/// <param name="inner">The cause.</param>
/// <param name="retryable">
/// The container stopped or its stream broke: nothing the run could see or cause within its limits,
/// so another sandbox may run it. False for a launcher that gave no answer in time (the run's time
/// would be spent twice).
/// </param>
public sealed class SandboxFailedException(string message, Exception? inner = null, bool retryable = false) : Exception(message, inner)
{
    public bool Retryable { get; } = retryable;
}
