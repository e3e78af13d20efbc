using System.Text;

namespace CodeRunner.Cli.Console;

/// <summary>
/// The process's standard streams and environment, as the commands see them. Streams, not writers:
/// the program's stdout and stderr are written byte for byte. Tests pass their own.
/// </summary>
/// <param name="Stdin">Standard input; read only when <paramref name="StdinRedirected"/>.</param>
/// <param name="StdinRedirected">Whether stdin is a pipe or a file rather than a terminal.</param>
/// <param name="Stdout">Standard output: the program's output, tables and JSON; never progress.</param>
/// <param name="Stderr">Standard error: the program's stderr, messages, the verdict line and the spinner.</param>
/// <param name="StderrIsTerminal">Whether a spinner may be drawn on <paramref name="Stderr"/>.</param>
/// <param name="Environment">Reads an environment variable.</param>
public sealed record CliConsole(
    Stream Stdin,
    bool StdinRedirected,
    Stream Stdout,
    Stream Stderr,
    bool StderrIsTerminal,
    Func<string, string?> Environment)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static CliConsole System() => new(
        global::System.Console.OpenStandardInput(),
        global::System.Console.IsInputRedirected,
        global::System.Console.OpenStandardOutput(),
        global::System.Console.OpenStandardError(),
        !global::System.Console.IsErrorRedirected,
        global::System.Environment.GetEnvironmentVariable);

    /// <summary>A line for the user on stderr, prefixed with the tool's name.</summary>
    public void Error(string line) => WriteStderr(Utf8.GetBytes($"coderun: {line}\n"));

    public void Out(string text) => WriteStdout(Utf8.GetBytes(text));

    public void WriteStdout(ReadOnlySpan<byte> bytes)
    {
        Stdout.Write(bytes);
        Stdout.Flush();
    }

    /// <summary>Locked: the spinner draws on stderr from a timer while the command may write a message.</summary>
    public void WriteStderr(ReadOnlySpan<byte> bytes)
    {
        lock (Stderr)
        {
            Stderr.Write(bytes);
            Stderr.Flush();
        }
    }

    /// <summary>Text writers over the streams, for System.CommandLine's help and parse errors.</summary>
    public (TextWriter Output, TextWriter Error) Writers() =>
        (new StreamWriter(Stdout, Utf8, leaveOpen: true) { AutoFlush = true },
         new StreamWriter(Stderr, Utf8, leaveOpen: true) { AutoFlush = true });
}
