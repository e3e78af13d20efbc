using CodeRunner.Docker;
using CodeRunner.Hosting;
using CodeRunner.Runs;
using CodeRunner.Sandboxes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeRunner.Tests.Integration;

/// <summary>
/// A real sandbox engine on the real Docker engine: one silo (its own name, so tests running at
/// the same time never touch each other's containers) with one sandbox per language, so the run
/// after a hostile one lands in the very sandbox the hostile one used.
/// </summary>
public abstract class SandboxEngineFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    protected SandboxEngineFixture(string runtime) => Runtime = runtime;

    public string Runtime { get; }

    public string SiloName { get; } = $"test-{Guid.NewGuid().ToString("N")[..10]}";

    public SandboxPools Pools => _services!.GetRequiredService<SandboxPools>();

    public RunExecutor Executor => _services!.GetRequiredService<RunExecutor>();

    public DockerClient Docker => _services!.GetRequiredService<DockerClient>();

    public async Task InitializeAsync()
    {
        _services = BuildServices(Runtime, SiloName, new Dictionary<string, string?>());
        await Pools.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Pools.StopAsync(CancellationToken.None);
        var left = await Docker.ListContainersAsync([$"{SandboxLabels.Silo}={SiloName}"], CancellationToken.None);
        await _services!.DisposeAsync();
        if (left.Count > 0)
            throw new InvalidOperationException($"{left.Count} containers of silo {SiloName} were left behind.");
    }

    /// <summary>A service provider with the node's sandbox services, configured as the tests need.</summary>
    public static ServiceProvider BuildServices(string runtime, string siloName, IDictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Silo:SiloName"] = siloName,
            ["Sandboxes:Runtime"] = runtime,
            ["Sandboxes:MinWarm"] = "1",
            ["Sandboxes:MaxPerLanguage"] = "1",
            ["Sandboxes:AcquireTimeout"] = "00:03:00",
        };
        foreach (var (key, value) in overrides)
            settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .AddSandboxes(configuration)
            .BuildServiceProvider();
    }
}

public sealed class RuncEngine() : SandboxEngineFixture("runc");

public sealed class RunscEngine() : SandboxEngineFixture("runsc");
