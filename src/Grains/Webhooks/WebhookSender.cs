using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using CodeRunner.Diagnostics;
using CodeRunner.Storage;
using CodeRunner.Submissions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRunner.Webhooks;

/// <summary>
/// POSTs a completed submission to its callback URL, signed (<see cref="WebhookSignature"/>),
/// retried with backoff, each attempt recorded in the submission's history. Runs after the result
/// is written, off the run's path: a slow receiver never holds a sandbox. Addresses are checked
/// again when connecting, so a name that resolves to a refused address is refused too.
/// </summary>
public sealed partial class WebhookSender : IHostedService, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly IClusterStore _store;
    private readonly WebhookOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<Task, byte> _pending = new();

    public WebhookSender(IClusterStore store, IOptions<WebhookOptions> options, ILogger<WebhookSender> logger, TimeProvider time)
    {
        _store = store;
        _options = options.Value;
        _logger = logger;
        _time = time;
        var handler = new SocketsHttpHandler { ConnectCallback = ConnectCheckedAsync, AllowAutoRedirect = false, UseProxy = false };
        _http = new HttpClient(handler) { Timeout = _options.Timeout };
    }

    /// <summary>Starts delivering in the background; returns at once.</summary>
    public void Deliver(Submission submission, string callbackUrl, string siloId)
    {
        var delivery = Task.Run(() => DeliverAsync(submission, callbackUrl, siloId));
        _pending[delivery] = 0;
        delivery.ContinueWith(t => _pending.TryRemove(t, out _), TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deliveries under way get a few seconds to finish; the results are stored either way.</summary>
    public async Task StopAsync(CancellationToken cancellationToken) =>
        await Task.WhenAny(Task.WhenAll(_pending.Keys), Task.Delay(TimeSpan.FromSeconds(5), _time, cancellationToken));

    public void Dispose() => _http.Dispose();

    private async Task DeliverAsync(Submission submission, string callbackUrl, string siloId)
    {
        using var scope = _logger.BeginScope(new SubmissionLogScope(submission.Id, siloId));
        if (string.IsNullOrEmpty(_options.SigningSecret))
        {
            CodeRunnerMetrics.CallbackFailed(submission.Language, CallbackFailure.NotConfigured);
            await RecordAsync(submission.Id, siloId, "not sent: Webhooks:SigningSecret is not set");
            return;
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(submission, Json);
        var delay = _options.FirstRetryDelay;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            string outcome;
            try
            {
                var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
                using var request = new HttpRequestMessage(HttpMethod.Post, callbackUrl) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(_options.SigningSecret, timestamp, body));
                using var response = await _http.SendAsync(request);
                outcome = $"attempt {attempt}: {(int)response.StatusCode}";
                if (response.IsSuccessStatusCode)
                {
                    CodeRunnerMetrics.CallbackDelivered(submission.Language);
                    await RecordAsync(submission.Id, siloId, outcome);
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or SocketException)
            {
                outcome = $"attempt {attempt}: {e.GetBaseException().Message}";
            }
            await RecordAsync(submission.Id, siloId, outcome);
            if (attempt < _options.MaxAttempts)
            {
                await Task.Delay(delay, _time);
                delay *= 2;
            }
        }
        CodeRunnerMetrics.CallbackFailed(submission.Language, CallbackFailure.GaveUp);
        LogGaveUp(submission.Id, _options.MaxAttempts);
    }

    private async Task RecordAsync(Guid id, string siloId, string detail)
    {
        try
        {
            await _store.RecordCallbackAsync(id, siloId, detail, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRecordFailed(id, e.Message);
        }
    }

    private async ValueTask<Stream> ConnectCheckedAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = addresses.Where(a => CallbackAddresses.ProblemWithAddress(a, _options) is null).ToList();
        if (allowed.Count == 0)
            throw new HttpRequestException($"refused: {context.DnsEndPoint.Host} {CallbackAddresses.ProblemWithAddress(addresses.FirstOrDefault() ?? IPAddress.None, _options) ?? "does not resolve"}");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed[0], context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    [LoggerMessage(EventId = 1950, Level = LogLevel.Warning, Message = "Callback of submission {SubmissionId} failed {Attempts} times; giving up")]
    private partial void LogGaveUp(Guid submissionId, int attempts);

    [LoggerMessage(EventId = 1951, Level = LogLevel.Warning, Message = "Could not record a callback attempt of submission {SubmissionId}: {Reason}")]
    private partial void LogRecordFailed(Guid submissionId, string reason);
}
