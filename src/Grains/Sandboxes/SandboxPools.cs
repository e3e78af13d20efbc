using CodeRunner.Docker;
using CodeRunner.Images;
using CodeRunner.Languages;
using CodeRunner.Membership;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRunner.Sandboxes;

/// <summary>
/// This node's sandboxes: at start it removes the containers a previous incarnation of this silo
/// left behind, resolves each language to its image (building missing ones when allowed), and
/// starts one pool per language; at stop it retires every sandbox.
/// </summary>
public sealed partial class SandboxPools(
    DockerClient docker,
    LanguageImageBuilder images,
    IOptions<LanguageOptions> languageOptions,
    IOptions<SandboxOptions> sandboxOptions,
    IOptions<SiloOptions> siloOptions,
    ILoggerFactory loggers,
    TimeProvider time) : IHostedService, IAsyncDisposable, Cluster.IDeadSiloCleanup
{
    private readonly ILogger _logger = loggers.CreateLogger<SandboxPools>();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Dictionary<string, SandboxPool> _pools = [];
    private IDisposable? _sandboxGauge;
    private int _disposed;

    public LanguageCatalog Catalog { get; private set; } = new([]);

    public string SiloName => siloOptions.Value.SiloName;

    /// <summary>Completes when languages are resolved and pools started.</summary>
    public Task Ready => _ready.Task;

    public IReadOnlyCollection<SandboxPool> Pools => _pools.Values;

    public SandboxPool PoolFor(Language language) =>
        FindPool(language) ?? throw new SandboxUnavailableException($"Language {language.Id} has no sandbox pool on this node.");

    /// <summary>The language's pool, or null when it has none (never had one, or the node is stopping).</summary>
    public SandboxPool? FindPool(Language language) => _pools.GetValueOrDefault(language.Id);

    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await docker.PingAsync(ct);
            await RemoveGhostsAsync(ct);
            var options = languageOptions.Value;
            var languages = new List<Language>();
            foreach (var definition in LanguageDefinitionLoader.LoadDirectory(options.Directory))
            {
                if (options.Enabled.Count > 0 && !options.Enabled.Contains(definition.Id))
                    continue;
                if (await images.ResolveAsync(definition, options.BuildMissingImages, ct) is { } language)
                    languages.Add(language);
            }
            Catalog = new LanguageCatalog(languages);
            _pools = languages.ToDictionary(l => l.Id, NewPool);
            foreach (var pool in _pools.Values)
                pool.Start();
            _sandboxGauge = Diagnostics.CodeRunnerMetrics.ObserveSandboxes(CountSandboxes);
            LogStarted(SiloName, languages.Count, sandboxOptions.Value.Runtime);
            _ready.TrySetResult();
        }
        catch (Exception e)
        {
            _ready.TrySetException(e);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken ct) => await DisposeAsync();

    /// <summary>Retires everything once: the host's stop and the container's disposal both call it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        _sandboxGauge?.Dispose();
        var pools = _pools.Values.ToList();
        _pools = [];
        await Task.WhenAll(pools.Select(p => p.DisposeAsync().AsTask()));
        // Whatever a retire could not remove in time is removed here, by this silo's label; a
        // removal the engine still has in progress is waited for.
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (await RemoveGhostsAsync(deadline.Token) > 0)
                await Task.Delay(200, deadline.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or DockerApiException or HttpRequestException or IOException or ObjectDisposedException)
        {
            LogSweepFailed(SiloName, e);
        }
    }

    /// <summary>Removes every container labelled with this silo's name: leftovers of a crash or a kill.</summary>
    public async Task<int> RemoveGhostsAsync(CancellationToken ct)
    {
        var ghosts = await docker.ListContainersAsync([$"{SandboxLabels.Silo}={SiloName}"], ct);
        var live = _pools.Values.SelectMany(p => p.Sandboxes).Select(s => s.ContainerId).ToHashSet();
        var removed = 0;
        foreach (var ghost in ghosts.Where(g => !live.Contains(g.Id)))
        {
            await docker.RemoveContainerAsync(ghost.Id, force: true, ct);
            removed++;
        }
        if (removed > 0)
            LogGhostsRemoved(SiloName, removed);
        return removed;
    }

    /// <summary>Removes the containers of dead silos that shared this node's engine (one listing, whatever their number).</summary>
    public async Task CleanUpAsync(IReadOnlySet<string> deadSiloNames, CancellationToken ct)
    {
        var removed = 0;
        foreach (var ghost in await docker.ListContainersAsync([SandboxLabels.Managed], ct))
        {
            if (ghost.Labels?.GetValueOrDefault(SandboxLabels.Silo) is { } silo && silo != SiloName && deadSiloNames.Contains(silo))
            {
                await docker.RemoveContainerAsync(ghost.Id, force: true, ct);
                removed++;
            }
        }
        if (removed > 0)
            LogGhostsRemoved("dead silos", removed);
    }

    /// <summary>What <c>coderun.sandboxes</c> reports: each pool's sandboxes by state, and those being made.</summary>
    private IEnumerable<(string Language, SandboxState State, int Count)> CountSandboxes() =>
        _pools.Values.SelectMany(pool => pool.Sandboxes
            .Where(s => s.State != SandboxState.Retired)
            .GroupBy(s => s.State)
            .Select(g => (pool.Language.Id, g.Key, g.Count()))
            .Append((pool.Language.Id, SandboxState.Creating, pool.CreatingCount)));

    private SandboxPool NewPool(Language language)
    {
        var options = sandboxOptions.Value;
        var logger = loggers.CreateLogger<SandboxGrain>();
        return new SandboxPool(
            language,
            options.SizeFor(language.Id),
            options,
            ct => SandboxGrain.CreateAsync(language, options, SiloName, docker, logger, time, ct),
            loggers.CreateLogger<SandboxPool>(),
            time);
    }

    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Silo {SiloName} serves {Count} languages on {Runtime}")]
    private partial void LogStarted(string siloName, int count, string runtime);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "Silo {SiloName} could not remove all of its containers at stop; its next start will")]
    private partial void LogSweepFailed(string siloName, Exception e);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Silo {SiloName} removed {Count} ghost containers")]
    private partial void LogGhostsRemoved(string siloName, int count);
}
