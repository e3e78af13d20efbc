using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CodeRunner.Tests;

/// <summary>A loopback HTTP listener that records callbacks and answers with the statuses it is given, in order (then 200).</summary>
public sealed class CallbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<int> _statuses;

    public CallbackReceiver(params int[] statuses)
    {
        _statuses = new Queue<int>(statuses);
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/hooks/done";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<(byte[] Body, string? Timestamp, string? Signature)> Received { get; } = new();

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Received.Enqueue((body.ToArray(), context.Request.Headers["X-Coderun-Timestamp"], context.Request.Headers["X-Coderun-Signature"]));
            lock (_statuses)
                context.Response.StatusCode = _statuses.Count > 0 ? _statuses.Dequeue() : 200;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
