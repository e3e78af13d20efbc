using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace CodeRunner.Storage.Sqlite;

/// <summary>
/// One subscriber of the embedded store: its own queue and delivery loop, so a slow listener
/// delays only itself, the store's writers never run listener code, and each listener sees
/// notifications in commit order. It never loses its connection, so it never calls OnReconnected.
/// </summary>
internal sealed class InProcessSubscription : IAsyncDisposable
{
    private readonly IClusterListener _listener;
    private readonly string? _siloId;
    private readonly ILogger _logger;
    private readonly Action<InProcessSubscription> _onDisposed;
    private readonly Channel<InProcessNotification> _queue =
        Channel.CreateUnbounded<InProcessNotification>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _disposed;

    public InProcessSubscription(IClusterListener listener, string? siloId, ILogger logger, Action<InProcessSubscription> onDisposed)
    {
        _listener = listener;
        _siloId = siloId;
        _logger = logger;
        _onDisposed = onDisposed;
        _loop = Task.Run(DeliverAsync);
    }

    /// <summary>Queues what this subscriber asked for: every completion, and its own silo's wake-ups and cancel requests.</summary>
    public void Post(InProcessNotification notification)
    {
        if (notification.Kind == InProcessNotificationKind.Completed || (_siloId is not null && notification.SiloId == _siloId))
            _queue.Writer.TryWrite(notification);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        _onDisposed(this);
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task DeliverAsync()
    {
        try
        {
            await foreach (var notification in _queue.Reader.ReadAllAsync(_stop.Token))
            {
                if (_stop.IsCancellationRequested)
                    return;
                Deliver(notification);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: whatever is still queued is dropped, as the contract says.
        }
    }

    private void Deliver(InProcessNotification notification)
    {
        try
        {
            switch (notification.Kind)
            {
                case InProcessNotificationKind.Completed:
                    _listener.OnCompleted(notification.SubmissionId);
                    break;
                case InProcessNotificationKind.Wake:
                    _listener.OnWake(notification.Language!);
                    break;
                case InProcessNotificationKind.CancelRequested:
                    _listener.OnCancelRequested(notification.SubmissionId);
                    break;
            }
        }
        catch (Exception e)
        {
            StorageLog.ListenerFailed(_logger, e, notification.Kind.ToString());
        }
    }
}
