using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using CodeRunner.Diagnostics;
using CodeRunner.Languages;
using CodeRunner.Runs;
using CodeRunner.Storage;
using CodeRunner.Submissions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRunner.Client;

/// <summary>
/// <see cref="IClusterClient"/> over the cluster store. Requests are checked against the same
/// language definitions the silos run (the <c>languages/</c> files), so a bad request is refused
/// at once and never queued. After accepting one, it wakes one silo that has room for its
/// language (from the load silos publish), so a submission costs one claim, not one per silo.
/// </summary>
public sealed partial class ClusterClient : IClusterClient, IClusterListener, IAsyncDisposable
{
    private readonly IClusterStore _store;
    private readonly LanguageCatalog _languages;
    private readonly RunOptions _runOptions;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiters = new();
    private readonly SemaphoreSlim _subscribeLock = new(1, 1);
    private IAsyncDisposable? _subscription;
    private readonly ClusterClientOptions _options;
    private readonly Webhooks.WebhookOptions _webhooks;
    private (DateTimeOffset At, IReadOnlyList<SiloRecord> Silos) _membership = (DateTimeOffset.MinValue, []);
    private (DateTimeOffset At, int Queued) _queue = (DateTimeOffset.MinValue, 0);

    public ClusterClient(
        IClusterStore store, IOptions<LanguageOptions> languages, IOptions<RunOptions> runOptions, IOptions<ClusterClientOptions> options,
        IOptions<Webhooks.WebhookOptions> webhooks, ILogger<ClusterClient> logger)
    {
        _store = store;
        _options = options.Value;
        _webhooks = webhooks.Value;
        _runOptions = runOptions.Value;
        _logger = logger;
        // Validation needs only definitions: the image and version belong to the silos.
        _languages = new LanguageCatalog(LanguageDefinitionLoader.LoadDirectory(languages.Value.Directory).Select(d => new Language(d, "", "")));
    }

    public async Task<Submission> SubmitAsync(SubmissionRequest request, CancellationToken ct = default) =>
        (await AcceptAsync([request], [Check(request)], ct))[0];

    /// <summary>Problems of a batch name the item: <c>[2].limits.cpuTimeMs</c>.</summary>
    public Task<IReadOnlyList<Submission>> SubmitBatchAsync(IReadOnlyList<SubmissionRequest> requests, CancellationToken ct = default)
    {
        var checkedRequests = requests.Select((request, i) =>
        {
            try
            {
                return Check(request);
            }
            catch (RunRequestException e)
            {
                throw new RunRequestException(e.Problem, e.Errors.ToDictionary(x => $"[{i}].{x.Key}", x => x.Value));
            }
        }).ToList();
        return AcceptAsync(requests, checkedRequests, ct);
    }

    private async Task<IReadOnlyList<Submission>> AcceptAsync(IReadOnlyList<SubmissionRequest> requests, List<RunRequest> checkedRequests, CancellationToken ct)
    {
        await RefuseWhenFullAsync(requests.Count, ct);
        foreach (var group in requests.Where(r => r.Submitter is not null && r.MaxActive > 0).GroupBy(r => r.Submitter!))
        {
            var active = await _store.CountActiveAsync(group.Key, ct);
            if (active + group.Count() > group.First().MaxActive)
                throw new QuotaExceededException(group.Key, active);
        }
        var accepted = new List<Submission>(requests.Count);
        foreach (var (request, index) in checkedRequests.Select((r, i) => (r, i)))
        {
            // The silo continues this span's trace: its traceparent is stored with the submission.
            using var activity = CodeRunnerTracing.Source.StartActivity("submission.submit", ActivityKind.Producer);
            activity?.SetTag(CodeRunnerTracing.LanguageTag, request.Language);
            var wake = await SiloToWakeAsync(request.Language, ct);
            var (record, created) = await _store.EnqueueAsync(
                new NewSubmission(Guid.NewGuid(), request, requests[index].Priority, requests[index].IdempotencyKey, wake,
                    requests[index].Submitter, requests[index].CallbackUrl, CodeRunnerTracing.CurrentTraceParent()), ct);
            activity?.SetTag(CodeRunnerTracing.SubmissionIdTag, record.Id.ToString());
            if (created)
                CodeRunnerMetrics.SubmissionAccepted(record.Language); // an idempotent repeat is not a new submission
            accepted.Add(ToSubmission(record));
        }
        return accepted;
    }

    public async Task<Submission?> GetAsync(Guid id, CancellationToken ct = default) =>
        await _store.GetAsync(id, ct) is { } record ? ToSubmission(record) : null;

    public async Task<Submission?> WaitAsync(Guid id, TimeSpan timeout, CancellationToken ct = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        await EnsureSubscribedAsync(deadline.Token, ct);
        // Listen first, then look: a result written in between is not missed.
        var waiter = _waiters.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            while (true)
            {
                var current = await GetThroughOutagesAsync(id, deadline.Token, ct);
                if (current is null || current.Status == SubmissionStatus.Completed || deadline.IsCancellationRequested)
                    return current is null ? null : ToSubmission(current);
                // The notification normally ends the wait; the poll covers one lost in a store outage.
                await Task.WhenAny(waiter.Task, Task.Delay(TimeSpan.FromSeconds(1), deadline.Token));
            }
        }
        finally
        {
            _waiters.TryRemove(id, out _);
        }
    }

    /// <summary>A waiting caller rides through a store outage (a PostgreSQL restart): reads are retried until its deadline.</summary>
    private async Task<SubmissionRecord?> GetThroughOutagesAsync(Guid id, CancellationToken deadline, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await _store.GetAsync(id, ct);
            }
            catch (Exception e) when (e is DbException or IOException or TimeoutException && !deadline.IsCancellationRequested)
            {
                LogStoreUnavailable(e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            }
        }
    }

    public async Task<CancelStatus> CancelAsync(Guid id, CancellationToken ct = default) =>
        await _store.CancelAsync(id, ct) switch
        {
            CancelOutcome.Cancelled => CancelStatus.Cancelled,
            CancelOutcome.Requested => CancelStatus.Requested,
            CancelOutcome.AlreadyCompleted => CancelStatus.AlreadyCompleted,
            _ => CancelStatus.NotFound,
        };

    public async Task<IReadOnlyList<LanguageInfo>> GetLanguagesAsync(CancellationToken ct = default)
    {
        // The definitions say what exists and its limits; the silos say which toolchain version runs it.
        var versions = new Dictionary<string, string>();
        foreach (var silo in (await MembershipAsync(ct)).Where(s => s.Status == SiloStatus.Active))
        {
            foreach (var (id, load) in silo.Load.Languages)
            {
                if (load.Version is { } version)
                    versions[id] = version;
            }
        }
        return _languages.All.Select(l => l.ToInfo() with { Version = versions.GetValueOrDefault(l.Id, "unknown") }).ToList();
    }

    public async Task<IReadOnlyList<SubmissionStep>> GetHistoryAsync(Guid id, CancellationToken ct = default) =>
        (await _store.ListEventsAsync(id, ct)).Select(e => new SubmissionStep(e.Kind.ToString(), e.SiloId, e.Epoch, e.At, e.Detail)).ToList();

    public void OnCompleted(Guid submissionId)
    {
        if (_waiters.TryGetValue(submissionId, out var waiter))
            waiter.TrySetResult();
    }

    public void OnReconnected()
    {
        foreach (var waiter in _waiters.Values)
            waiter.TrySetResult(); // wake every waiter to look again
    }

    public void OnWake(string language)
    {
    }

    public void OnCancelRequested(Guid submissionId)
    {
    }

    public async ValueTask DisposeAsync()
    {
        if (_subscription is not null)
            await _subscription.DisposeAsync();
        _subscribeLock.Dispose();
    }

    /// <summary>Checks against the definitions and size caps; the stored request names the language by its id.</summary>
    private RunRequest Check(SubmissionRequest request)
    {
        if (request.CallbackUrl is { } callback && Webhooks.CallbackAddresses.ProblemWithUrl(callback, _webhooks) is { } problem)
            throw RunRequestException.For(RunRequestProblem.Unprocessable, "callbackUrl", problem);
        var plan = RunPlanner.Plan(request.Run, _languages, _runOptions);
        return request.Run with { Language = plan.Language.Id };
    }

    /// <summary>Backpressure: a full queue refuses new work rather than growing without bound.</summary>
    private async Task RefuseWhenFullAsync(int adding, CancellationToken ct)
    {
        if (_options.MaxQueueDepth <= 0)
            return;
        if (DateTimeOffset.UtcNow - _queue.At > TimeSpan.FromSeconds(1))
            _queue = (DateTimeOffset.UtcNow, (await _store.CountQueuedAsync(ct)).Values.Sum());
        if (_queue.Queued + adding > _options.MaxQueueDepth)
            throw new ClusterBusyException(_queue.Queued, TimeSpan.FromSeconds(2));
        _queue = (_queue.At, _queue.Queued + adding); // counts our own submissions until the next read
    }

    /// <summary>The silo to wake for a new submission of the language, woken by the store with the insert.</summary>
    private async Task<string?> SiloToWakeAsync(string language, CancellationToken ct)
    {
        try
        {
            // Exactly one silo is woken, the one with the most room by its last published load. Even
            // when none shows room, one is woken: the load is up to a heartbeat old, and a silo whose
            // "slot freed" claim ran just before this insert would otherwise leave it to the poll.
            var silos = await MembershipAsync(ct);
            var target = silos
                .Where(s => s.Status == SiloStatus.Active && s.Load.Languages.ContainsKey(language))
                .OrderByDescending(s => s.Load.Languages[language].Free)
                .ThenBy(_ => Random.Shared.Next())
                .FirstOrDefault()
                // No silo has published the language yet (they are starting): wake any live one
                // rather than leave the submission to the poll; one that has no such pool ignores it.
                ?? silos.Where(s => s.Status == SiloStatus.Active).OrderBy(_ => Random.Shared.Next()).FirstOrDefault();
            return target?.SiloId;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWakeFailed(language, e.Message); // accepted anyway: silos poll as a safety net
            return null;
        }
    }

    /// <summary>The membership table, re-read at most every half second: load changes fast, but one read per submission would not scale.</summary>
    private async Task<IReadOnlyList<SiloRecord>> MembershipAsync(CancellationToken ct)
    {
        if (DateTimeOffset.UtcNow - _membership.At > TimeSpan.FromMilliseconds(500))
            _membership = (DateTimeOffset.UtcNow, await _store.ListSilosAsync(ct));
        return _membership.Silos;
    }

    /// <summary>Subscribes once, through store outages; past the caller's deadline it gives up and the wait polls.</summary>
    private async Task EnsureSubscribedAsync(CancellationToken deadline, CancellationToken ct)
    {
        if (_subscription is not null)
            return;
        await _subscribeLock.WaitAsync(ct);
        try
        {
            while (_subscription is null && !deadline.IsCancellationRequested)
            {
                try
                {
                    _subscription = await _store.SubscribeAsync(this, null, ct);
                }
                catch (Exception e) when (e is DbException or IOException or TimeoutException)
                {
                    LogStoreUnavailable(e.Message);
                    await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
                }
            }
        }
        finally
        {
            _subscribeLock.Release();
        }
    }

    private static Submission ToSubmission(SubmissionRecord r) => new(
        r.Id,
        r.Language,
        r.Status,
        r.Result,
        r.Attempts,
        r.CreatedAt,
        r.StartedAt,
        r.CompletedAt);

    [LoggerMessage(EventId = 1901, Level = LogLevel.Warning, Message = "The store is unavailable while waiting; retrying: {Reason}")]
    private partial void LogStoreUnavailable(string reason);

    [LoggerMessage(EventId = 1900, Level = LogLevel.Warning, Message = "Could not wake a silo for {LanguageId}: {Reason}")]
    private partial void LogWakeFailed(string languageId, string reason);
}
