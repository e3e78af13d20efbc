using System.Text;

namespace CodeRunner.Tests;

/// <summary>What one <c>coderun</c> invocation produced: its exit code and the exact bytes of its streams.</summary>
public sealed record CliResult(int ExitCode, byte[] StdoutBytes, byte[] StderrBytes)
{
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    public string Stderr => Encoding.UTF8.GetString(StderrBytes);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
