using System.Data;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CodeRunner.Storage.PostgreSql;

/// <summary>
/// One subscription: one dedicated connection that LISTENs on its channels, and a background loop
/// that waits for notifications and hands them to the listener. When the connection is lost (a
/// server restart, a failover), the loop reconnects with backoff, listens again, and tells the
/// listener that notifications may have been missed.
/// </summary>
internal sealed class PostgreSqlSubscription : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After this long without a notification the connection is pinged: a server that vanished
    /// without closing the socket (a network partition) shows up as a failed ping, not as silence.
    /// </summary>
    private static readonly TimeSpan IdlePing = TimeSpan.FromSeconds(30);

    private readonly NpgsqlDataSource _dataSource;
    private readonly IClusterListener _listener;
    private readonly string? _wakeChannel;
    private readonly string? _cancelChannel;
    private readonly string[] _channels;
    private readonly ILogger _logger;
    private readonly Action<PostgreSqlSubscription> _onDisposed;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    public PostgreSqlSubscription(NpgsqlDataSource dataSource, IClusterListener listener, string? wakeChannel, string? cancelChannel,
        ILogger logger, Action<PostgreSqlSubscription> onDisposed)
    {
        _dataSource = dataSource;
        _listener = listener;
        _wakeChannel = wakeChannel;
        _cancelChannel = cancelChannel;
        _channels = new[] { NotificationChannels.Done, wakeChannel, cancelChannel }.OfType<string>().ToArray();
        _logger = logger;
        _onDisposed = onDisposed;
    }

    private string ChannelList => string.Join(", ", _channels);

    /// <summary>Listens before it returns, so whatever is sent after it returns is delivered; fails when the server cannot be reached.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var connection = await ConnectAsync(ct);
        _loop = Task.Run(() => RunAsync(connection, _stop.Token), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _onDisposed(this);
    }

    private async Task RunAsync(NpgsqlConnection connection, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                try
                {
                    // Notifications are raised on this thread, inside WaitAsync (see OnNotification).
                    if (!await connection.WaitAsync(IdlePing, stop))
                        await PingAsync(connection, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    StorageLog.SubscriptionLost(_logger, e, ChannelList);
                    await connection.DisposeAsync();
                    var next = await ReconnectAsync(stop);
                    if (next is null)
                        return;
                    connection = next;
                    Deliver(nameof(IClusterListener.OnReconnected), _listener.OnReconnected);
                }
            }
        }
        finally
        {
            await CloseAsync(connection);
        }
    }

    private async Task<NpgsqlConnection?> ReconnectAsync(CancellationToken stop)
    {
        var delay = FirstRetry;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Task.Delay(delay, stop);
                var connection = await ConnectAsync(stop);
                StorageLog.SubscriptionReconnected(_logger, attempt, ChannelList);
                return connection;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception e)
            {
                StorageLog.ReconnectFailed(_logger, e, attempt, (int)delay.TotalMilliseconds);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetry.Ticks));
            }
        }
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken ct)
    {
        var connection = await _dataSource.OpenConnectionAsync(ct);
        try
        {
            connection.Notification += OnNotification;
            // Channel names are made of [a-z0-9_] only (NotificationChannels), so quoting them is enough.
            await using var listen = new NpgsqlCommand(string.Concat(_channels.Select(c => $"LISTEN \"{c}\";")), connection);
            await listen.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task PingAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var ping = new NpgsqlCommand("SELECT 1", connection);
        await ping.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Stops listening before the connection goes back to the pool, so the next user of that session gets no stray notifications.</summary>
    private static async Task CloseAsync(NpgsqlConnection connection)
    {
        try
        {
            if (connection.FullState == ConnectionState.Open)
            {
                await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection) { CommandTimeout = 5 };
                await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            // The session is gone, and its LISTENs with it.
        }
        await connection.DisposeAsync();
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel == NotificationChannels.Done)
        {
            if (Guid.TryParse(e.Payload, out var id))
                Deliver(nameof(IClusterListener.OnCompleted), () => _listener.OnCompleted(id));
        }
        else if (e.Channel == _wakeChannel)
        {
            Deliver(nameof(IClusterListener.OnWake), () => _listener.OnWake(e.Payload));
        }
        else if (e.Channel == _cancelChannel && Guid.TryParse(e.Payload, out var id))
        {
            Deliver(nameof(IClusterListener.OnCancelRequested), () => _listener.OnCancelRequested(id));
        }
    }

    private void Deliver(string notification, Action deliver)
    {
        try
        {
            deliver();
        }
        catch (Exception e)
        {
            StorageLog.ListenerFailed(_logger, e, notification);
        }
    }
}
