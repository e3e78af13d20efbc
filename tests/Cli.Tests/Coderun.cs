using CodeRunner.Cli;
using CodeRunner.Cli.Console;

namespace CodeRunner.Tests;

/// <summary>Runs <c>coderun</c> in process with captured streams, as a shell would with redirected stdout and stderr.</summary>
public static class Coderun
{
    /// <param name="stdin">Bytes piped in; null for a terminal (nothing is read).</param>
    /// <param name="environment">Environment variables; none by default, so the host's CODERUN_* cannot leak in.</param>
    public static async Task<CliResult> RunAsync(string[] args, byte[]? stdin = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var input = new MemoryStream(stdin ?? []);
        using var output = new MemoryStream();
        using var error = new MemoryStream();
        var console = new CliConsole(input, stdin is not null, output, error, StderrIsTerminal: false,
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);
        var exitCode = await CliApp.RunAsync(args, console);
        return new CliResult(exitCode, output.ToArray(), error.ToArray());
    }
}
