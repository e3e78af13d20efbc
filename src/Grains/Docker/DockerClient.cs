using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace CodeRunner.Docker;

/// <summary>
/// A typed client for the dozen Docker Engine API calls a runner needs, spoken over the engine's unix
/// socket with one pooled <see cref="HttpClient"/>. Every call has a deadline
/// (<see cref="DockerOptions.OperationTimeout"/>) on top of the caller's token.
/// </summary>
public sealed class DockerClient : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    };

    private readonly HttpClient _http;
    private readonly DockerOptions _options;

    public DockerClient(IOptions<DockerOptions> options)
    {
        _options = options.Value;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = (_, ct) => ConnectAsync(_options.SocketPath, ct),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = 64,
        };
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://docker/v{_options.ApiVersion}/"),
            Timeout = Timeout.InfiniteTimeSpan, // deadlines are per call, below
        };
    }

    public async Task PingAsync(CancellationToken ct)
    {
        using var deadline = Deadline(ct);
        using var response = await _http.GetAsync("_ping", deadline.Token);
        await EnsureSuccessAsync(response, "ping", deadline.Token);
    }

    /// <summary>Returns the image, or null when the engine has no image by that name.</summary>
    public Task<ImageInspect?> InspectImageAsync(string name, CancellationToken ct) =>
        GetOrNullAsync<ImageInspect>($"images/{Uri.EscapeDataString(name)}/json", "image inspect", ct);

    /// <summary>Builds an image from a tar build context, failing with the builder's own message.</summary>
    public async Task<string> BuildImageAsync(
        Stream tarContext,
        string tag,
        IReadOnlyDictionary<string, string> buildArgs,
        IReadOnlyDictionary<string, string> labels,
        Action<string>? progress,
        CancellationToken ct)
    {
        using var deadline = new CancellationTokenSource(_options.BuildTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, ct);
        var query = $"build?t={Uri.EscapeDataString(tag)}&rm=1&forcerm=1" +
                    $"&buildargs={Uri.EscapeDataString(JsonSerializer.Serialize(buildArgs))}" +
                    $"&labels={Uri.EscapeDataString(JsonSerializer.Serialize(labels))}";
        using var content = new StreamContent(tarContext);
        content.Headers.ContentType = new("application/x-tar");
        using var request = new HttpRequestMessage(HttpMethod.Post, query) { Content = content };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
        await EnsureSuccessAsync(response, "build", linked.Token);

        // The build answers 200 at once and reports failure inside the progress stream.
        string? imageId = null;
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(linked.Token));
        while (await reader.ReadLineAsync(linked.Token) is { } line)
        {
            if (line.Length == 0)
                continue;
            var item = JsonSerializer.Deserialize<BuildProgress>(line, Json);
            if (item?.Error is { } error)
                throw new DockerApiException(HttpStatusCode.InternalServerError, "build", error.Trim());
            if (item?.Stream is { } text)
                progress?.Invoke(text.TrimEnd('\n'));
            if (item?.Aux?.Id is { } id)
                imageId = id;
        }
        return imageId ?? tag;
    }

    public async Task<ContainerCreateResponse> CreateContainerAsync(string name, ContainerCreateRequest body, CancellationToken ct)
    {
        using var deadline = Deadline(ct);
        using var response = await _http.PostAsJsonAsync($"containers/create?name={Uri.EscapeDataString(name)}", body, Json, deadline.Token);
        await EnsureSuccessAsync(response, "container create", deadline.Token);
        return (await response.Content.ReadFromJsonAsync<ContainerCreateResponse>(Json, deadline.Token))!;
    }

    public Task StartContainerAsync(string id, CancellationToken ct) =>
        PostAsync($"containers/{id}/start", "container start", ct, HttpStatusCode.NotModified);

    /// <summary>Sends a signal; a container that is not running is not an error (the goal is reached).</summary>
    public Task KillContainerAsync(string id, CancellationToken ct, string signal = "KILL") =>
        PostAsync($"containers/{id}/kill?signal={signal}", "container kill", ct, HttpStatusCode.NotFound, HttpStatusCode.Conflict);

    /// <summary>Removes a container (killing it first when <paramref name="force"/>); one already gone is not an error.</summary>
    public async Task RemoveContainerAsync(string idOrName, bool force, CancellationToken ct)
    {
        using var deadline = Deadline(ct);
        using var response = await _http.DeleteAsync($"containers/{Uri.EscapeDataString(idOrName)}?force={(force ? 1 : 0)}&v=1", deadline.Token);
        // 404: already gone. 409: removal already in progress (another remover won).
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            return;
        await EnsureSuccessAsync(response, "container remove", deadline.Token);
    }

    /// <summary>Returns the container, or null when there is none by that id or name.</summary>
    public Task<ContainerInspect?> InspectContainerAsync(string idOrName, CancellationToken ct) =>
        GetOrNullAsync<ContainerInspect>($"containers/{Uri.EscapeDataString(idOrName)}/json", "container inspect", ct);

    /// <summary>Lists containers, running or not, that carry every given label (<c>key</c> or <c>key=value</c>).</summary>
    public async Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(IEnumerable<string> labels, CancellationToken ct)
    {
        using var deadline = Deadline(ct);
        var filters = JsonSerializer.Serialize(new Dictionary<string, string[]> { ["label"] = labels.ToArray() });
        using var response = await _http.GetAsync($"containers/json?all=1&filters={Uri.EscapeDataString(filters)}", deadline.Token);
        await EnsureSuccessAsync(response, "container list", deadline.Token);
        return (await response.Content.ReadFromJsonAsync<List<ContainerSummary>>(Json, deadline.Token))!;
    }

    /// <summary>Reads one regular file out of a container's file system (the archive API; works on a created, unstarted container).</summary>
    public async Task<byte[]> ReadFileAsync(string id, string path, CancellationToken ct)
    {
        using var deadline = Deadline(ct);
        using var response = await _http.GetAsync($"containers/{id}/archive?path={Uri.EscapeDataString(path)}", deadline.Token);
        await EnsureSuccessAsync(response, "archive read", deadline.Token);
        await using var tar = new System.Formats.Tar.TarReader(await response.Content.ReadAsStreamAsync(deadline.Token));
        var entry = await tar.GetNextEntryAsync(copyData: true, deadline.Token)
            ?? throw new DockerApiException(HttpStatusCode.NotFound, "archive read", $"{path} is empty");
        using var buffer = new MemoryStream();
        if (entry.DataStream is { } data)
            await data.CopyToAsync(buffer, deadline.Token);
        return buffer.ToArray();
    }

    /// <summary>
    /// Attaches to a container's stdin, stdout and stderr on a connection of its own (the engine
    /// hijacks it). Attach before start, so nothing the container writes is missed.
    /// </summary>
    public async Task<DockerAttachment> AttachAsync(string id, CancellationToken ct)
    {
        using var deadline = Deadline(ct);
        var stream = await ConnectAsync(_options.SocketPath, deadline.Token);
        try
        {
            var request = $"POST /v{_options.ApiVersion}/containers/{id}/attach?stream=1&stdin=1&stdout=1&stderr=1 HTTP/1.1\r\n" +
                          "Host: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), deadline.Token);
            var head = await ReadResponseHeadAsync(stream, deadline.Token);
            var statusLine = head[..head.IndexOf('\r', StringComparison.Ordinal)];
            if (!statusLine.Contains(" 101 ", StringComparison.Ordinal) && !statusLine.Contains(" 200 ", StringComparison.Ordinal))
                throw new DockerApiException(HttpStatusCode.BadGateway, "attach", statusLine);
            return new DockerAttachment(stream);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>GETs a JSON document; null when the engine answers 404.</summary>
    private async Task<T?> GetOrNullAsync<T>(string path, string operation, CancellationToken ct)
        where T : class
    {
        using var deadline = Deadline(ct);
        using var response = await _http.GetAsync(path, deadline.Token);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        await EnsureSuccessAsync(response, operation, deadline.Token);
        return await response.Content.ReadFromJsonAsync<T>(Json, deadline.Token);
    }

    private async Task PostAsync(string path, string operation, CancellationToken ct, params HttpStatusCode[] alsoFine)
    {
        using var deadline = Deadline(ct);
        using var response = await _http.PostAsync(path, null, deadline.Token);
        if (alsoFine.Contains(response.StatusCode))
            return;
        await EnsureSuccessAsync(response, operation, deadline.Token);
    }

    private CancellationTokenSource Deadline(CancellationToken ct)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(_options.OperationTimeout);
        return cts;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = await response.Content.ReadAsStringAsync(ct);
        var message = body;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("message", out var m))
                message = m.GetString() ?? body;
        }
        catch (JsonException)
        {
        }
        throw new DockerApiException(response.StatusCode, operation, message.Trim());
    }

    private static async ValueTask<Stream> ConnectAsync(string socketPath, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<string> ReadResponseHeadAsync(Stream stream, CancellationToken ct)
    {
        // Byte by byte up to the blank line: whatever follows belongs to the hijacked stream.
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, ct) == 0)
                throw new IOException("The engine closed the attach connection before answering.");
            head.Append((char)one[0]);
            if (head.Length > 16 * 1024)
                throw new IOException("The engine's attach answer has no end of headers.");
        }
        return head.ToString();
    }
}
