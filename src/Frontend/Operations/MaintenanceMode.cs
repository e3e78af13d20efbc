using CodeRunner.Storage;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Operations;

/// <summary>
/// The cluster's maintenance flag (<see cref="ClusterSettingKeys.Maintenance"/>), read from the
/// store at most once per <see cref="OperationsOptions.SettingsCacheDuration"/>: every request that
/// submits asks, and the store must not pay for each. When the store cannot be read, the last known
/// state holds (a store outage already refuses submissions on its own).
/// </summary>
public sealed partial class MaintenanceMode(IClusterStore store, IOptions<OperationsOptions> options, TimeProvider time, ILogger<MaintenanceMode> logger) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (string? Message, DateTimeOffset ReadAt) _current = (null, DateTimeOffset.MinValue);

    /// <summary>The maintenance message while the cluster is in maintenance mode, else null.</summary>
    public async ValueTask<string?> MessageAsync(CancellationToken ct)
    {
        var current = _current;
        if (time.GetUtcNow() - current.ReadAt < options.Value.SettingsCacheDuration)
            return current.Message;
        await _refresh.WaitAsync(ct);
        try
        {
            if (time.GetUtcNow() - _current.ReadAt >= options.Value.SettingsCacheDuration)
            {
                var settings = await store.GetSettingsAsync(ct);
                _current = (settings.GetValueOrDefault(ClusterSettingKeys.Maintenance), time.GetUtcNow());
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReadFailed(e.Message);
        }
        finally
        {
            _refresh.Release();
        }
        return _current.Message;
    }

    /// <summary>Forgets the cached state (this frontend just changed it: its own callers see the change at once).</summary>
    public void Invalidate() => _current = (_current.Message, DateTimeOffset.MinValue);

    public void Dispose() => _refresh.Dispose();

    [LoggerMessage(EventId = 2200, Level = LogLevel.Warning, Message = "Reading the cluster's maintenance mode failed: {Reason}")]
    private partial void LogReadFailed(string reason);
}
