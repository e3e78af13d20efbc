using System.Net.WebSockets;
using CodeRunner.Sessions;

namespace CodeRunner.Frontend.Sessions;

/// <summary>
/// Relays one session between a client and the silo that runs it, message by message. The silo's
/// close (code and reason) is passed on as it is; a silo connection that ends without one means the
/// silo was lost (4502). A client that goes away closes the silo's side, which kills the program.
/// </summary>
public sealed class SessionRelay(SessionSocket client, ClientWebSocket upstream)
{
    public async Task RunAsync(byte[] start, CancellationToken ct)
    {
        using var silo = new SessionSocket(upstream, int.MaxValue);
        if (!await silo.SendAsync(start, ct))
            throw new SessionClosedException(SessionCloseCodes.SiloLost, "the silo for this session was lost before it started");
        var toSilo = Task.Run(() => ClientToSiloAsync(silo), CancellationToken.None);
        using var onCancel = ct.Register(upstream.Abort);
        await SiloToClientAsync(ct);
        if (await Task.WhenAny(toSilo, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None)) != toSilo)
            client.Socket.Abort();
        await toSilo;
    }

    private async Task SiloToClientAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var got = await upstream.ReceiveAsync(buffer, CancellationToken.None);
                if (got.MessageType == WebSocketMessageType.Close)
                {
                    await client.CloseAsync((int)(upstream.CloseStatus ?? WebSocketCloseStatus.NormalClosure), upstream.CloseStatusDescription ?? "", sendError: false);
                    return;
                }
                message.Write(buffer, 0, got.Count);
                if (!got.EndOfMessage)
                    continue;
                await client.SendAsync(message.ToArray(), CancellationToken.None); // the client may be slow; the silo waits for it
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            if (ct.IsCancellationRequested) // the client went away, or this frontend is stopping
                await client.CloseAsync(SessionCloseCodes.ShuttingDown, "the server is shutting down");
            else
                await client.CloseAsync(SessionCloseCodes.SiloLost, "the silo running the session was lost");
        }
    }

    private async Task ClientToSiloAsync(SessionSocket silo)
    {
        try
        {
            while (await client.ReceiveAsync(CancellationToken.None) is { } message)
            {
                if (!await silo.SendAsync(message))
                    return;
            }
            // The client went away or closed: the silo kills the program when its side closes.
            await silo.CloseAsync(SessionCloseCodes.ProgramEnded, "the client closed the session");
        }
        catch (SessionClosedException e)
        {
            // Oversized or binary: the silo would refuse it the same way; tell both sides.
            await silo.CloseAsync(SessionCloseCodes.ProgramEnded, "the client sent a bad frame");
            await client.CloseAsync(e.Code, e.Message);
        }
    }
}
