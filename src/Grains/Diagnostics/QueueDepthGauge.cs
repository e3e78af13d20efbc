using CodeRunner.Languages;
using CodeRunner.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRunner.Diagnostics;

/// <summary>
/// Feeds <c>coderun.queue.depth</c> from the store's <see cref="IClusterStore.CountQueuedAsync"/>,
/// cached for <see cref="MaxAge"/>: however often and by however many listeners the gauge is read,
/// it costs at most one query a second. /metrics awaits <see cref="RefreshAsync"/> before it
/// reads; any other reader gets the cached counts and starts a refresh in the background.
/// Every defined language is reported, zero when nothing of it is queued, so no series vanishes.
/// </summary>
public sealed partial class QueueDepthGauge : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly IClusterStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly IDisposable _registration;
    private IReadOnlyDictionary<string, int> _counts;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public QueueDepthGauge(IClusterStore store, IOptions<LanguageOptions> languages, TimeProvider time, ILogger<QueueDepthGauge> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _counts = KnownLanguages(languages.Value.Directory).ToDictionary(id => id, _ => 0);
        _registration = CodeRunnerMetrics.ObserveQueueDepth(Read);
    }

    /// <summary>Reads the store when the cached counts are older than <see cref="MaxAge"/>; one read at a time. A failed read keeps the last counts.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        if (_time.GetUtcNow() - _readAt < MaxAge)
            return;
        await _refreshing.WaitAsync(ct);
        try
        {
            if (_time.GetUtcNow() - _readAt < MaxAge)
                return; // someone else read while this one waited
            var queued = await _store.CountQueuedAsync(ct);
            var counts = _counts.Keys.ToDictionary(id => id, _ => 0);
            foreach (var (language, count) in queued)
                counts[language] = count;
            _counts = counts;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReadFailed(e.Message);
        }
        finally
        {
            // A failed read also waits its turn: a store that is down is not asked on every scrape.
            _readAt = _time.GetUtcNow();
            _refreshing.Release();
        }
    }

    public void Dispose()
    {
        _registration.Dispose();
        _refreshing.Dispose();
    }

    private IEnumerable<KeyValuePair<string, int>> Read()
    {
        if (_time.GetUtcNow() - _readAt >= MaxAge && _refreshing.CurrentCount > 0)
            _ = Task.Run(() => RefreshAsync(CancellationToken.None));
        return _counts;
    }

    private static List<string> KnownLanguages(string directory)
    {
        try
        {
            return LanguageDefinitionLoader.LoadDirectory(directory).Select(d => d.Id).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return []; // the client and the silo report the problem; the gauge shows what it sees
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Reading the queue depth failed; /metrics keeps the last counts: {Reason}")]
    private partial void LogReadFailed(string reason);
}
