using System.Net.WebSockets;

namespace CodeRunner.Sessions;

/// <summary>
/// One side of a session's WebSocket: whole text messages in (bounded), sends serialised (a
/// WebSocket allows one send at a time, and output, errors and the close come from different
/// tasks), and one close: an <c>error</c> message with the code first, except for 1000 and 1001.
/// </summary>
public sealed class SessionSocket(WebSocket socket, int maxMessageBytes) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private int _closed;

    public WebSocket Socket => socket;

    /// <summary>Whether this side has sent its close (or given up on the connection).</summary>
    public bool Closed => Volatile.Read(ref _closed) != 0;

    /// <summary>
    /// The next whole text message; null when the other side closed or went away. A binary or
    /// oversized message is a <see cref="SessionClosedException"/> (4400).
    /// </summary>
    public async Task<byte[]?> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[Math.Min(maxMessageBytes, 64 * 1024)];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var got = await socket.ReceiveAsync(buffer, ct);
                if (got.MessageType == WebSocketMessageType.Close)
                    return null;
                if (got.MessageType != WebSocketMessageType.Text)
                    throw new SessionClosedException(SessionCloseCodes.BadRequest, "messages must be JSON text frames");
                if (message.Length + got.Count > maxMessageBytes)
                    throw new SessionClosedException(SessionCloseCodes.BadRequest, $"a message may be at most {maxMessageBytes} bytes; send stdin in pieces");
                message.Write(buffer, 0, got.Count);
                if (got.EndOfMessage)
                    return message.ToArray();
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException
                                   || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null; // gone without a close (or aborted by this side): the same as closed, for a reader
        }
    }

    /// <summary>Sends one text message; false when the connection is gone or already closed by this side.</summary>
    public async Task<bool> SendAsync(byte[] message, CancellationToken ct = default)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            if (Closed || socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
                return false;
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, ct);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Sends the error message (codes other than 1000 and 1001, unless <paramref name="sendError"/>
    /// is false: a relay passes on the error it received) and the close frame, once. Never throws.
    /// </summary>
    public async Task CloseAsync(int code, string reason, bool sendError = true)
    {
        if (sendError && code is not (SessionCloseCodes.ProgramEnded or SessionCloseCodes.ShuttingDown))
            await SendAsync(SessionMessages.Error(code, reason));
        await _sendLock.WaitAsync();
        try
        {
            if (Interlocked.Exchange(ref _closed, 1) != 0 || socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
                return;
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, Truncate(reason), deadline.Token);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The other side is gone already; nothing to tell it.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose() => _sendLock.Dispose();

    /// <summary>A close reason is at most 123 bytes of UTF-8.</summary>
    private static string Truncate(string reason)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(reason) <= 123)
            return reason;
        var cut = reason[..Math.Min(reason.Length, 120)];
        while (System.Text.Encoding.UTF8.GetByteCount(cut) > 120)
            cut = cut[..^1];
        return cut + "…";
    }
}
