using CodeRunner.Client;
using CodeRunner.Docker;
using CodeRunner.Runs;
using CodeRunner.Sandboxes;
using CodeRunner.Storage;
using CodeRunner.Submissions;
using CodeRunner.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRunner.Tests;

/// <summary>
/// One test's cluster: a fresh database on a real PostgreSQL server, silo processes started on
/// demand, and a cluster client in the test process. Disposing stops every silo and checks that
/// none left a container behind.
/// </summary>
public sealed class ClusterFixture : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];
    private readonly ServiceProvider _services;
    private readonly List<ServiceProvider> _extra = [];

    private ClusterFixture(PostgresServer server, string connectionString)
    {
        Server = server;
        ConnectionString = connectionString;
        _services = new ServiceCollection()
            .AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .AddClusterClient(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Store:ConnectionString"] = connectionString,
            }).Build())
            .AddSingleton<DockerClient>()
            .AddSingleton(Options.Create(new DockerOptions()))
            .BuildServiceProvider();
    }

    public PostgresServer Server { get; }

    public string ConnectionString { get; }

    public string Prefix { get; } = $"c{Guid.NewGuid().ToString("N")[..6]}";

    public IClusterClient Client => _services.GetRequiredService<IClusterClient>();

    public IClusterStore Store => _services.GetRequiredService<IClusterStore>();

    public DockerClient Docker => _services.GetRequiredService<DockerClient>();

    /// <summary>A cluster client's services for this cluster with extra settings (disposed with the fixture).</summary>
    public IServiceProvider ServicesWith(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Store:ConnectionString"] = ConnectionString };
        foreach (var (key, value) in settings)
            all[key] = value;
        var services = new ServiceCollection().AddLogging().AddClusterClient(new ConfigurationBuilder().AddInMemoryCollection(all).Build()).BuildServiceProvider();
        _extra.Add(services);
        return services;
    }

    public static async Task<ClusterFixture> StartAsync(PostgresServer server) =>
        new(server, await server.CreateDatabaseAsync());

    public async Task<SiloProcess> StartSiloAsync(string name, IDictionary<string, string>? settings = null)
    {
        var silo = await SiloProcess.StartAsync($"{Prefix}-{name}", ConnectionString, settings);
        _silos.Add(silo);
        return silo;
    }

    public Task<IReadOnlyList<ContainerSummary>> ContainersOfAsync(SiloProcess silo) =>
        Docker.ListContainersAsync([$"{SandboxLabels.Silo}={silo.Name}"], CancellationToken.None);

    public static SubmissionRequest Python(string source, string? stdin = null) =>
        new(new RunRequest("python", [new SourceFile("main.py", source)], Stdin: stdin));

    public static SubmissionRequest Bash(string source) =>
        new(new RunRequest("bash", [new SourceFile("main.sh", source)]));

    /// <summary>Waits for every submission to complete and returns them.</summary>
    public async Task<IReadOnlyList<Submission>> WaitAllAsync(IEnumerable<Guid> ids, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var results = new List<Submission>();
        foreach (var id in ids)
        {
            var left = deadline - DateTime.UtcNow;
            var submission = await Client.WaitAsync(id, left > TimeSpan.Zero ? left : TimeSpan.Zero);
            Assert.NotNull(submission);
            Assert.True(submission.Status == SubmissionStatus.Completed, $"{id} is still {submission.Status} after {within}");
            results.Add(submission);
        }
        return results;
    }

    /// <summary>Asserts the store recorded exactly one completion for each submission.</summary>
    public async Task AssertCompletedExactlyOnceAsync(IEnumerable<Guid> ids)
    {
        foreach (var id in ids)
        {
            var events = await Store.ListEventsAsync(id, CancellationToken.None);
            Assert.Equal(1, events.Count(e => e.Kind == SubmissionEventKind.Completed));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
            await silo.DisposeAsync();
        foreach (var silo in _silos)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await ContainersOfAsync(silo)).Count > 0 && DateTime.UtcNow < deadline)
                await Task.Delay(200);
        }
        var left = new List<string>();
        foreach (var silo in _silos)
            left.AddRange((await ContainersOfAsync(silo)).Select(c => $"{silo.Name}:{c.Id[..12]}"));
        await _services.DisposeAsync();
        foreach (var extra in _extra)
            await extra.DisposeAsync();
        Assert.True(left.Count == 0, $"containers left behind: {string.Join(", ", left)}");
    }
}
