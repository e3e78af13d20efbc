using System.Diagnostics;

namespace CodeRunner.Helm.Tests.Support;

/// <summary>Runs a tool to its end with a deadline and captures what it wrote.</summary>
internal static class Tool
{
    private static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, params IEnumerable<string> arguments) =>
        RunAsync(DefaultDeadline, file, arguments);

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan deadline, string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ChartTools.RepositoryRoot,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var cts = new CancellationTokenSource(deadline);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within {deadline}.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
