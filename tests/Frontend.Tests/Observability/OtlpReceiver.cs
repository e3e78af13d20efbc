using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace CodeRunner.Tests.Observability;

/// <summary>
/// A collector of the test's own: OTLP/HTTP (protobuf) on a loopback port, keeping what arrives at
/// <c>/v1/traces</c>. HttpListener, not ASP.NET Core, so receiving spans makes no spans itself.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<byte[]> _payloads = new();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        while (true)
        {
            // A port is free only until someone binds it: try another when this one was taken meanwhile.
            var port = FreePort();
            _listener = new HttpListener();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                Endpoint = $"http://127.0.0.1:{port}";
                break;
            }
            catch (HttpListenerException)
            {
                _listener.Close();
            }
        }
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The base endpoint, as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> takes it.</summary>
    public string Endpoint { get; }

    public IReadOnlyList<OtlpSpan> Spans => _payloads.SelectMany(OtlpSpan.Decode).ToList();

    public void Dispose()
    {
        if (!_listener.IsListening)
            return;
        _listener.Stop();
        _listener.Close();
        _loop.ContinueWith(_ => { }, TaskScheduler.Default).Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            var input = context.Request.Headers["Content-Encoding"] == "gzip" ? new GZipStream(context.Request.InputStream, CompressionMode.Decompress) : context.Request.InputStream;
            await input.CopyToAsync(body);
            if (context.Request.Url?.AbsolutePath == "/v1/traces")
                _payloads.Enqueue(body.ToArray());
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close(); // an empty ExportTraceServiceResponse: everything accepted
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
