using Microsoft.Extensions.Logging;

namespace CodeRunner.Storage.Sqlite;

/// <summary>The embedded store's notification bus: it serves one process, so its subscribers are in it.</summary>
internal sealed class InProcessNotifier(ILogger logger)
{
    private readonly Lock _lock = new();
    private InProcessSubscription[] _subscriptions = [];

    public InProcessSubscription Subscribe(IClusterListener listener, string? siloId)
    {
        var subscription = new InProcessSubscription(listener, siloId, logger, Remove);
        lock (_lock)
            _subscriptions = [.. _subscriptions, subscription];
        return subscription;
    }

    public void Publish(InProcessNotification notification)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
            subscription.Post(notification);
    }

    public async ValueTask DisposeAllAsync()
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
            await subscription.DisposeAsync();
    }

    private void Remove(InProcessSubscription subscription)
    {
        lock (_lock)
            _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
    }
}
