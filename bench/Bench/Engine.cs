using CodeRunner.Hosting;
using CodeRunner.Runs;
using CodeRunner.Sandboxes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeRunner.Bench;

/// <summary>An in-process sandbox engine on one container runtime, with its pools filled before measuring.</summary>
internal sealed class Engine : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private Engine(ServiceProvider services) => _services = services;

    public RunExecutor Executor => _services.GetRequiredService<RunExecutor>();

    public SandboxPools Pools => _services.GetRequiredService<SandboxPools>();

    public static async Task<Engine> StartAsync(string runtime, int sandboxes)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Silo:SiloName"] = $"bench-{runtime}-{Environment.ProcessId}",
            ["Sandboxes:Runtime"] = runtime,
            ["Sandboxes:MinWarm"] = sandboxes.ToString(),
            ["Sandboxes:MaxPerLanguage"] = sandboxes.ToString(),
            ["Languages:Enabled:0"] = "python",
            ["Languages:Enabled:1"] = "c",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .AddSandboxes(configuration)
            .BuildServiceProvider();
        var engine = new Engine(services);
        await engine.Pools.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (engine.Pools.Pools.Any(p => p.WarmCount < sandboxes))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{runtime} pools did not fill in time.");
            await Task.Delay(100);
        }
        return engine;
    }

    public async Task<bool> HelloAsync(string language, string source, CancellationToken ct)
    {
        var file = language == "c" ? "main.c" : "main.py";
        var result = await Executor.RunAsync(new RunRequest(language, [new SourceFile(file, source)]), ct);
        return result.Verdict == Verdict.Accepted && result.Stdout == "hello\n";
    }

    public async ValueTask DisposeAsync()
    {
        await Pools.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
