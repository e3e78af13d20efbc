using System.Diagnostics;
using System.Text;

namespace CodeRunner.Tests.Support;

/// <summary>Runs a command to its end and captures what it wrote.</summary>
internal static class ProcessRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string file, IEnumerable<string> arguments, string workingDirectory, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user cannot always enter the test's directory; pg_ctl and initdb complain when they cannot.
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }

    public static async Task<string> RunCheckedAsync(
        string file, IEnumerable<string> arguments, string workingDirectory, CancellationToken ct)
    {
        var args = arguments.ToList();
        var (exitCode, output) = await RunAsync(file, args, workingDirectory, ct);
        if (exitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {exitCode}:\n{output}");
        return output;
    }
}
