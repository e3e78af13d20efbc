using System.Diagnostics;

namespace CodeRunner.Bench;

/// <summary>Runs a command on the host and returns its stdout (null when it failed).</summary>
internal static class HostProcess
{
    public static async Task<string?> RunAsync(string file, IEnumerable<string> args, string? workingDirectory = null, string? stdin = null, CancellationToken ct = default)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await stderr;
        return process.ExitCode == 0 ? await stdout : null;
    }
}
