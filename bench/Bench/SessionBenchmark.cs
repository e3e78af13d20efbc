using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CodeRunner.Tests.Support;

namespace CodeRunner.Bench;

/// <summary>
/// The keystroke-to-output round trip of an interactive session: a line typed into a running
/// Python echo program, until its echo is back. Through a single-node frontend (WebSocket, the
/// session host, the launcher's stdin and output frames, a warm runc sandbox) against the same
/// program as a bare process on the host with pipes, measured in the same interleaved rounds.
/// </summary>
internal static class SessionBenchmark
{
    private const string Echo = "import sys\nfor line in sys.stdin:\n    sys.stdout.write(line)\n    sys.stdout.flush()\n";

    public static async Task<int> RunAsync(TimeSpan block, int rounds)
    {
        Console.WriteLine($"# interactive session benchmark: {rounds} rounds of {block.TotalSeconds:F1} s blocks, {Environment.ProcessorCount} cores");
        var data = Directory.CreateTempSubdirectory("coderun-bench-sessions-");
        var port = FreePort();
        using var frontend = StartFrontend(port, data.FullName);
        try
        {
            var http = new Uri($"http://127.0.0.1:{port}");
            using var client = new HttpClient { BaseAddress = http };
            await Eventually.True(async () => await ReadyAsync(client), TimeSpan.FromMinutes(3), "the frontend is ready");

            using var bare = StartBare();
            await using var session = await SessionClient.ConnectAsync(SessionClient.SessionsUri(http));
            await session.StartAsync("python", "main.py", Echo);

            var bareLatencies = new List<double>();
            var sessionLatencies = new List<double>();
            var line = 0;
            for (var round = 0; round < rounds; round++)
            {
                // Interleaved: a noisy spell on this shared machine hits both the same way.
                bareLatencies.AddRange(await BlockAsync(block, async () => await BareRoundTripAsync(bare, $"b{line++}")));
                sessionLatencies.AddRange(await BlockAsync(block, async () => await SessionRoundTripAsync(session, $"s{line++}")));
            }
            Print("bare process, pipes", bareLatencies, null);
            Print("interactive session (WebSocket, runc)", sessionLatencies, bareLatencies);
            bare.StandardInput.Close();
            await session.EofAsync();
            return 0;
        }
        finally
        {
            // SIGTERM: the node retires its sandboxes before it exits (a kill would leave them).
            Process.Start("kill", ["-TERM", frontend.Id.ToString()])!.WaitForExit();
            await frontend.WaitForExitAsync();
            data.Delete(recursive: true);
        }
    }

    private static async Task<List<double>> BlockAsync(TimeSpan block, Func<Task> roundTrip)
    {
        var latencies = new List<double>();
        var until = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
            await roundTrip(); // warm-up, not counted
        while (until.Elapsed < block)
        {
            var one = Stopwatch.StartNew();
            await roundTrip();
            latencies.Add(one.Elapsed.TotalMilliseconds);
        }
        return latencies;
    }

    private static async Task BareRoundTripAsync(Process bare, string text)
    {
        await bare.StandardInput.WriteLineAsync(text);
        await bare.StandardInput.FlushAsync();
        var echoed = await bare.StandardOutput.ReadLineAsync();
        if (echoed != text)
            throw new InvalidOperationException($"bare echo returned '{echoed}' for '{text}'");
    }

    private static async Task SessionRoundTripAsync(SessionClient session, string text)
    {
        var expected = session.Stdout.Length + text.Length + 1;
        await session.StdinAsync(text + "\n");
        await session.UntilAsync(s => s.Stdout.Length >= expected, $"the echo of {text}", TimeSpan.FromSeconds(30));
        if (!session.Stdout.EndsWith(text + "\n", StringComparison.Ordinal))
            throw new InvalidOperationException($"session echo does not end with '{text}'");
    }

    private static void Print(string name, List<double> latencies, List<double>? baseline)
    {
        var sorted = latencies.Order().ToList();
        double P(List<double> s, double p) => s[Math.Clamp((int)Math.Ceiling(p / 100 * s.Count) - 1, 0, s.Count - 1)];
        var line = $"{name,-40} n={sorted.Count,6}  p50 {P(sorted, 50),7:F3} ms  p95 {P(sorted, 95),7:F3} ms  p99 {P(sorted, 99),7:F3} ms";
        if (baseline is not null)
        {
            var b = baseline.Order().ToList();
            line += $"  (+{P(sorted, 50) - P(b, 50):F3} ms at p50, {P(sorted, 50) / P(b, 50):F1}x)";
        }
        Console.WriteLine(line);
    }

    private static Process StartFrontend(int port, string data)
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var dll = Path.Combine(root, "src/Frontend/bin/Release/net10.0/CodeRunner.Frontend.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var arg in new[]
        {
            dll, $"--urls=http://127.0.0.1:{port}", $"--Store:EmbeddedPath={data}/coderun.db", $"--Silo:SiloName=bench-sessions-{Environment.ProcessId}",
            "--Languages:Enabled:0=python", "--Sandboxes:MinWarm=1", "--Logging:LogLevel:Default=Warning",
        })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Process StartBare()
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Echo);
        return Process.Start(info)!;
    }

    private static async Task<bool> ReadyAsync(HttpClient client)
    {
        try
        {
            return (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
