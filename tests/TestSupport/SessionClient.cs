using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CodeRunner.Tests.Support;

/// <summary>
/// A test's end of an interactive session (<c>/api/v1/sessions</c>, docs/api.md): sends the
/// protocol's messages, collects what comes back, and waits for conditions with a deadline.
/// </summary>
public sealed class SessionClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ClientWebSocket _socket;
    private readonly StringBuilder _stdout = new(), _stderr = new(), _compile = new();

    private SessionClient(ClientWebSocket socket) => _socket = socket;

    /// <summary>Every message received, in order.</summary>
    public List<JsonElement> Messages { get; } = [];

    public string Stdout => _stdout.ToString();

    public string Stderr => _stderr.ToString();

    public string Compile => _compile.ToString();

    /// <summary>The <c>result</c> of the <c>exit</c> message, once it came.</summary>
    public JsonElement? Result { get; private set; }

    /// <summary>The <c>error</c> message, once one came.</summary>
    public JsonElement? Error { get; private set; }

    /// <summary>The server's close code, once the session is closed (1006 when the connection dropped without one).</summary>
    public int? CloseCode { get; private set; }

    public string? CloseReason { get; private set; }

    /// <summary>Connects to <paramref name="uri"/> (<c>ws://…/api/v1/sessions</c> or a silo's internal one).</summary>
    public static async Task<SessionClient> ConnectAsync(Uri uri, IReadOnlyDictionary<string, string>? headers = null)
    {
        var socket = new ClientWebSocket();
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            socket.Options.SetRequestHeader(name, value);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(uri, deadline.Token);
        return new SessionClient(socket);
    }

    /// <summary>The <c>ws://</c> address of <c>/api/v1/sessions</c> on a server at <paramref name="http"/>.</summary>
    public static Uri SessionsUri(Uri http, string path = "/api/v1/sessions") =>
        new UriBuilder(new Uri(http, path)) { Scheme = http.Scheme == "https" ? "wss" : "ws" }.Uri;

    public Task SendAsync(object message) => SendRawAsync(JsonSerializer.Serialize(message));

    public async Task SendRawAsync(string text)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, deadline.Token);
    }

    public Task StartAsync(string language, string fileName, string content, bool tty = false, int cols = 80, int rows = 24, object? limits = null) =>
        SendAsync(new { type = "start", language, files = new[] { new { name = fileName, content } }, tty, cols, rows, limits });

    public Task StdinAsync(string data) => SendAsync(new { type = "stdin", data });

    public Task EofAsync() => SendAsync(new { type = "eof" });

    public Task SignalAsync(string signal) => SendAsync(new { type = "signal", signal });

    public Task ResizeAsync(int cols, int rows) => SendAsync(new { type = "resize", cols, rows });

    /// <summary>Reads messages until <paramref name="condition"/> holds; fails when the session closes first or the time is up.</summary>
    public async Task UntilAsync(Func<SessionClient, bool> condition, string what, TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? Patience);
        while (!condition(this))
        {
            if (CloseCode is not null)
                throw new InvalidOperationException($"The session closed ({CloseCode} {CloseReason}) before: {what}. Stdout so far: {Stdout}");
            try
            {
                await ReceiveOneAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Not within {(within ?? Patience).TotalSeconds} s: {what}. Stdout so far: {Stdout}");
            }
        }
    }

    public Task UntilStdoutContainsAsync(string text, TimeSpan? within = null) =>
        UntilAsync(c => c.Stdout.Contains(text, StringComparison.Ordinal), $"stdout contains '{text}'", within);

    /// <summary>Reads until the server closes the session; returns its close code.</summary>
    public async Task<int> UntilClosedAsync(TimeSpan? within = null)
    {
        await UntilAsync(c => c.CloseCode is not null, "the session closes", within);
        return CloseCode!.Value;
    }

    private async Task ReceiveOneAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult got;
            try
            {
                got = await _socket.ReceiveAsync(buffer, ct);
            }
            catch (WebSocketException)
            {
                (CloseCode, CloseReason) = (1006, "the connection dropped without a close");
                return;
            }
            if (got.MessageType == WebSocketMessageType.Close)
            {
                (CloseCode, CloseReason) = ((int?)_socket.CloseStatus ?? 1005, _socket.CloseStatusDescription);
                if (_socket.State == WebSocketState.CloseReceived)
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", ct);
                return;
            }
            message.Write(buffer, 0, got.Count);
            if (got.EndOfMessage)
                break;
        }
        var element = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
        Messages.Add(element);
        var type = element.GetProperty("type").GetString();
        var text = element.TryGetProperty("data", out var data) ? data.GetString()
            : element.TryGetProperty("base64", out var b64) ? Encoding.UTF8.GetString(Convert.FromBase64String(b64.GetString()!)) : null;
        switch (type)
        {
            case "stdout": _stdout.Append(text); break;
            case "stderr": _stderr.Append(text); break;
            case "compile": _compile.Append(text); break;
            case "exit": Result = element.GetProperty("result"); break;
            case "error": Error = element; break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "test done", deadline.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }
        _socket.Dispose();
    }
}
