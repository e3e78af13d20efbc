using System.Collections.Concurrent;
using System.Globalization;
using CodeRunner.Cluster;
using CodeRunner.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRunner.Sandboxes;

/// <summary>
/// Applies operators' cluster-wide warm pool sizes (<see cref="ClusterSettingKeys.PoolMinWarm"/>)
/// to this node's pools, every <see cref="ClusterMembershipOptions.TableRefreshTimeout"/>: a resize
/// reaches every silo within one refresh, and silos that join later read it too. A size is clamped
/// to the pool's maximum; removing the setting restores the configured minimum.
/// </summary>
public sealed partial class PoolSizeSync(
    SandboxPools pools,
    IClusterStore store,
    IOptions<ClusterMembershipOptions> membership,
    ILogger<PoolSizeSync> logger,
    TimeProvider time) : BackgroundService
{
    private readonly ConcurrentDictionary<string, int> _configured = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await pools.Ready.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(membership.Value.TableRefreshTimeout, time);
        do
        {
            try
            {
                Apply(await store.GetSettingsAsync(stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReadFailed(e.Message); // the store is away: keep the sizes we have
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private void Apply(IReadOnlyDictionary<string, string> settings)
    {
        foreach (var pool in pools.Pools)
        {
            var configured = _configured.GetOrAdd(pool.Language.Id, pool.Size.MinWarm);
            var wanted = settings.TryGetValue(ClusterSettingKeys.PoolMinWarm(pool.Language.Id), out var text)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var set)
                    ? Math.Clamp(set, 0, pool.Size.Max)
                    : configured;
            if (wanted == pool.Size.MinWarm)
                continue;
            LogResized(pool.Language.Id, pool.Size.MinWarm, wanted);
            pool.Resize(new PoolSize { MinWarm = wanted, Max = pool.Size.Max });
        }
    }

    [LoggerMessage(EventId = 1410, Level = LogLevel.Information, Message = "Pool {LanguageId} resized by the cluster setting: warm {From} -> {To}")]
    private partial void LogResized(string languageId, int from, int to);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "Reading the cluster's pool sizes failed: {Reason}")]
    private partial void LogReadFailed(string reason);
}
