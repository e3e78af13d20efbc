using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CodeRunner.Tests;

/// <summary>
/// A real silo process (the built <c>CodeRunner.Silo.dll</c>, next to the test assembly) on a loopback port, so tests can
/// kill -9 it, pause it with SIGSTOP, or stop it with SIGTERM, as an orchestrator would.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly Process _process;
    private readonly StreamWriter _log;

    private SiloProcess(string name, int port, Process process, StreamWriter log)
    {
        Name = name;
        Port = port;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public int Port { get; }

    public int Pid => _process.Id;

    public string LogPath => Path.Combine(LogDirectory, $"{Name}.log");

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static string LogDirectory { get; } = Directory.CreateTempSubdirectory("coderun-silos-").FullName;

    public static async Task<SiloProcess> StartAsync(string name, string connectionString, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "CodeRunner.Silo.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(dll);
        var all = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Store:ConnectionString"] = connectionString,
            ["Silo:SiloName"] = name,
            ["Languages:Enabled:0"] = "python",
            ["Languages:Enabled:1"] = "bash",
            ["Sandboxes:MinWarm"] = "1",
            ["Sandboxes:MaxPerLanguage"] = "2",
            ["Cluster:Membership:IAmAliveTablePublishTimeout"] = "00:00:00.500",
            ["Cluster:Membership:NumMissedTableIAmAliveLimit"] = "4",
            ["Cluster:Membership:TableRefreshTimeout"] = "00:00:00.500",
            ["Cluster:Submissions:ClaimPollInterval"] = "00:00:01",
            ["Cluster:Submissions:ShutdownGrace"] = "00:00:10",
            ["Logging:LogLevel:Default"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;
        foreach (var (key, value) in all)
            info.ArgumentList.Add($"--{key}={value}");
        var log = new StreamWriter(Path.Combine(LogDirectory, $"{name}.log"), append: true) { AutoFlush = true };
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new SiloProcess(name, port, process, log);
        await silo.WaitReadyAsync(TimeSpan.FromMinutes(3));
        return silo;
    }

    public async Task WaitReadyAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Silo {Name} exited with {_process.ExitCode}; see {LogPath}");
            try
            {
                using var response = await Http.GetAsync($"http://127.0.0.1:{Port}/health/ready");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Silo {Name} not ready within {within}; see {LogPath}");
            await Task.Delay(100);
        }
    }

    /// <summary>kill -9: no shutdown, no cleanup; what it ran must be recovered by the others.</summary>
    public void Kill() => Signal("KILL");

    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    /// <summary>SIGTERM, as Kubernetes sends it; the silo drains and leaves.</summary>
    public void Terminate() => Signal("TERM");

    public async Task<bool> WaitForExitAsync(TimeSpan within)
    {
        using var cts = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Resume();
            Terminate();
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(60)))
                _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        lock (_log)
            _log.Dispose();
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {_process.Id}");
        kill.WaitForExit();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
