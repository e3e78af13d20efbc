using System.Net.WebSockets;
using CodeRunner.Client.Silos;
using CodeRunner.Sessions;
using CodeRunner.Storage;
using Microsoft.Extensions.Options;
using SessionOptions = CodeRunner.Sessions.SessionOptions;

namespace CodeRunner.Frontend.Sessions;

/// <summary>
/// The frontend's side of an interactive session: reads and checks the start message, then runs the
/// session on this process's own silo when it hosts one with room that is not draining (no hop),
/// else relays it to the live, undrained silo with the most free sandboxes of the language
/// (<see cref="SessionRelay"/>).
/// </summary>
public sealed partial class SessionGateway(
    SessionStartChecker checker,
    SiloConnections silos,
    IServiceProvider services,
    IOptions<SessionOptions> options,
    IOptions<CodeRunner.Cluster.ClusterMembershipOptions> membership,
    IHostApplicationLifetime lifetime,
    ILogger<SessionGateway> logger)
{
    public async Task RunAsync(WebSocket webSocket, CancellationToken ct)
    {
        using var client = new SessionSocket(webSocket, options.Value.MaxMessageBytes);
        try
        {
            var (first, start) = await ReadStartAsync(client, ct);
            if (start is null)
                return;
            var language = await checker.CheckAsync(start, ct);
            if (services.GetService<SessionHost>() is { HasRoom: true } local
                && services.GetService<CodeRunner.Cluster.SubmissionClaimer>() is not { IsDraining: true })
            {
                await local.RunAsync(client, start, ct);
                return;
            }
            await RelayAsync(client, first!, language, ct);
        }
        catch (SessionClosedException e)
        {
            await client.CloseAsync(e.Code, e.Message);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            await client.CloseAsync(SessionCloseCodes.ShuttingDown, "the server is shutting down");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            webSocket.Abort();
        }
    }

    private async Task<(byte[]? Raw, SessionStart? Start)> ReadStartAsync(SessionSocket client, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Value.IdleTimeout);
        try
        {
            var first = await client.ReceiveAsync(deadline.Token);
            return first is null ? (null, null) : (first, SessionMessages.ParseStart(first));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SessionClosedException(SessionCloseCodes.IdleTimeout, $"no start message within {options.Value.IdleTimeout.TotalSeconds:0.#} s");
        }
    }

    private async Task RelayAsync(SessionSocket client, byte[] start, string language, CancellationToken ct)
    {
        // A drained silo takes no new work, sessions included. One whose heartbeat is late (suspect:
        // paused, or dead but not yet declared) is tried only after every silo that is keeping up.
        var suspectAfter = membership.Value.IAmAliveTablePublishTimeout * 2;
        var candidates = (await silos.ActiveAsync(ct))
            .Where(s => !s.Load.Draining)
            .Select(s => (Silo: s, Free: s.Load.Languages.TryGetValue(language, out var l) ? l.Max - l.Busy : 0))
            .Where(c => c.Free > 0)
            .OrderBy(c => c.Silo.HeartbeatAge > suspectAfter)
            .ThenByDescending(c => c.Free)
            .Select(c => c.Silo)
            .ToList();
        foreach (var silo in candidates)
        {
            var upstream = await ConnectAsync(silo, ct);
            if (upstream is null)
                continue;
            LogRelaying(logger, language, silo.SiloId, silo.Address);
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
            using (upstream)
                await new SessionRelay(client, upstream).RunAsync(start, stopping.Token);
            return;
        }
        throw new SessionClosedException(SessionCloseCodes.Unavailable, $"no silo has room for a {language} session now; try again later");
    }

    private async Task<ClientWebSocket?> ConnectAsync(SiloRecord silo, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30); // a silo that stops answering pings is lost
        if (silos.KeyHeader is { } key)
            socket.Options.SetRequestHeader(key.Key, key.Value);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await socket.ConnectAsync(SiloConnections.WebSocketUri(silo, "internal/v1/sessions"), deadline.Token);
            return socket;
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            LogConnectFailed(logger, silo.SiloId, silo.Address, e.Message);
            socket.Dispose();
            return null;
        }
    }

    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Session of {LanguageId} relayed to silo {SiloId} at {Address}")]
    private static partial void LogRelaying(ILogger logger, string languageId, string siloId, string address);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Silo {SiloId} at {Address} refused a session: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string siloId, string address, string reason);
}
