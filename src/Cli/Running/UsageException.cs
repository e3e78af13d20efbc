namespace CodeRunner.Cli.Running;

/// <summary>A mistake on the command line found before anything was sent (exit code <see cref="ExitCodes.Usage"/>).</summary>
public sealed class UsageException(string message) : Exception(message);
