using System.Diagnostics;

namespace CodeRunner.Tests;

/// <summary>The real executable as a shell runs it: its own process, real standard streams, its exit code.</summary>
[Collection(CliCollection.Name)]
public sealed class ProcessTests(CliFrontend service) : IDisposable
{
    private readonly ProgramFiles _files = new();

    [Fact]
    public async Task TheProcessReadsAPipeAndExitsWithTheProgramsExitCode()
    {
        var program = _files.Write("upper.py", "import sys\nsys.stdout.write(sys.stdin.read().upper())\nprint('bye', file=sys.stderr)\nsys.exit(3)");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // coderun.dll sits beside the test assembly: the test project references the CLI's project.
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "coderun.dll"), "run", program, "--endpoint", service.Endpoint })
            start.ArgumentList.Add(argument);
        start.Environment.Remove("CODERUN_ENDPOINT");
        start.Environment.Remove("CODERUN_API_KEY");

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync("piped text");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(deadline.Token);

        Assert.True(process.ExitCode == 3, $"exit {process.ExitCode}\n{await stdout}\n{await stderr}");
        Assert.Equal("PIPED TEXT", await stdout);
        Assert.StartsWith("bye\ncoderun: RuntimeError (exit code 3)", await stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
