using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using CodeRunner.Diagnostics;
using CodeRunner.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRunner.Cluster;

/// <summary>
/// Pull placement: this silo claims only what it has a free slot for, language by language, and
/// hosts one <see cref="SubmissionGrain"/> per claimed submission. It tries to claim a language
/// when it is woken for it (a client targets one silo per submission), when one of its runs of that
/// language ends, and on a slow safety-net poll; so claiming costs O(1) store work per submission
/// whatever the number of silos. On shutdown it stops claiming, lets runs finish within
/// <see cref="SubmissionOptions.ShutdownGrace"/>, then hands the rest back.
/// </summary>
public sealed partial class SubmissionClaimer(
    IClusterStore store,
    SiloIdentity identity,
    ISiloCapacity capacity,
    ISubmissionRunner runner,
    IOptions<SubmissionOptions> options,
    ILoggerFactory loggers,
    TimeProvider time,
    Webhooks.WebhookSender webhooks) : BackgroundService, IClusterListener
{
    private const string AllLanguages = "";
    private readonly ILogger _logger = loggers.CreateLogger<SubmissionClaimer>();
    /// <summary>Languages to claim; <c>Woken</c> when a client's wake-up asked for it (an empty claim then is a conflict).</summary>
    private readonly Channel<(string Language, bool Woken)> _wakeups = Channel.CreateUnbounded<(string, bool)>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, (SubmissionGrain Grain, Task Run)> _running = new();
    private readonly ConcurrentDictionary<string, int> _busy = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _earlyCancels = new();
    // Never disposed: it has no timer to release, and a host torn down out of order (a test host
    // whose entry point disposes the services while the host is still stopping) may still call
    // StopAsync, which cancels it, after Dispose.
    private readonly CancellationTokenSource _handBack = new();
    // Held by a claim from its query until its grains are registered, so that a stop waits for a
    // claim in flight: its grains are then drained (or handed back) with the rest, and none starts
    // after the stop, on a node whose sandboxes are gone. Never disposed, as above.
    private readonly SemaphoreSlim _claiming = new(1, 1);
    private volatile bool _draining;
    private volatile bool _drainedByOperator;
    private long _claimAttempts;
    private long _claimed;

    /// <summary>Claim queries this silo has made (the thundering-herd test counts them).</summary>
    public long ClaimAttempts => Interlocked.Read(ref _claimAttempts);

    /// <summary>The silo is stopping, or an operator drained it: it claims nothing more (readiness says so).</summary>
    public bool IsDraining => _draining || _drainedByOperator;

    /// <summary>An operator drained this silo (<see cref="Drain"/>); it still runs and heartbeats, and can be resumed.</summary>
    public bool IsDrainedByOperator => _drainedByOperator;

    /// <summary>Submissions this silo has claimed since it started.</summary>
    public long ClaimedCount => Interlocked.Read(ref _claimed);

    /// <summary>
    /// An operator's drain: stop claiming; what runs now finishes normally (nothing is handed back,
    /// unlike a shutdown, whose grace is bounded). The published load says Draining.
    /// </summary>
    public void Drain()
    {
        _drainedByOperator = true;
        LogOperatorDrain(identity.SiloId, _running.Count);
    }

    /// <summary>Undoes <see cref="Drain"/>: claiming resumes at once (a shutdown in progress is not undone).</summary>
    public void Resume()
    {
        _drainedByOperator = false;
        LogOperatorResume(identity.SiloId);
        _wakeups.Writer.TryWrite((AllLanguages, false));
    }

    /// <summary>Submissions running on this silo now.</summary>
    public int RunningCount => _running.Count;

    public void OnWake(string language) => _wakeups.Writer.TryWrite((language, true));

    public void OnCompleted(Guid submissionId)
    {
    }

    /// <summary>
    /// A cancel can arrive between the claim's commit and the grain's registration in
    /// <see cref="Start"/>. So it is remembered first and the grain looked up second, while Start
    /// registers first and looks for remembered cancels second: whichever runs last sees the other.
    /// </summary>
    public void OnCancelRequested(Guid submissionId)
    {
        var now = time.GetUtcNow();
        _earlyCancels[submissionId] = now;
        foreach (var (id, at) in _earlyCancels)
        {
            if (now - at > TimeSpan.FromMinutes(1))
                _earlyCancels.TryRemove(id, out _); // never claimed here after all
        }
        if (_running.TryGetValue(submissionId, out var entry))
            entry.Grain.RequestCancel();
    }

    public void OnReconnected()
    {
        // Notifications sent while the store was away are lost: look again.
        _wakeups.Writer.TryWrite((AllLanguages, false));
        _ = Task.Run(RecheckCancellationsAsync);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await capacity.Ready.WaitAsync(stoppingToken);
        await using var subscription = await SubscribeAsync(stoppingToken);
        using var poll = new PeriodicTimer(options.Value.ClaimPollInterval, time);
        _ = Task.Run(async () =>
        {
            while (await poll.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                _wakeups.Writer.TryWrite((AllLanguages, false));
        }, stoppingToken);
        _wakeups.Writer.TryWrite((AllLanguages, false));

        while (!stoppingToken.IsCancellationRequested)
        {
            var wanted = new Dictionary<string, bool>();
            var (first, firstWoken) = await _wakeups.Reader.ReadAsync(stoppingToken);
            wanted[first] = firstWoken;
            while (_wakeups.Reader.TryRead(out var more))
                wanted[more.Language] = wanted.GetValueOrDefault(more.Language) || more.Woken; // coalesce a burst into one claim per language
            var languages = wanted.ContainsKey(AllLanguages) ? capacity.Languages : wanted.Keys.Where(capacity.Languages.Contains);
            foreach (var language in languages)
            {
                try
                {
                    await ClaimAsync(language, wanted.GetValueOrDefault(language), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One language's failure must not end claiming: a silo that heartbeats but no
                    // longer claims would hold its share of the cluster's wake-ups for nothing.
                    LogClaimFailed(language, e.Message);
                }
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        await _claiming.WaitAsync(cancellationToken); // no claim in flight now, and none starts: they check _draining first
        _claiming.Release();
        await TrySetStatusAsync(SiloStatus.ShuttingDown);
        var runs = _running.Values.Select(r => r.Run).ToArray();
        LogDraining(identity.SiloId, runs.Length, options.Value.ShutdownGrace.TotalSeconds);
        await Task.WhenAny(Task.WhenAll(runs), Task.Delay(options.Value.ShutdownGrace, time, cancellationToken));
        await _handBack.CancelAsync();
        await Task.WhenAll(_running.Values.Select(r => r.Run));
        await base.StopAsync(cancellationToken);
    }

    private async Task ClaimAsync(string language, bool woken, CancellationToken ct)
    {
        await _claiming.WaitAsync(ct);
        try
        {
            await ClaimHeldAsync(language, woken, ct);
        }
        finally
        {
            _claiming.Release();
        }
    }

    private async Task ClaimHeldAsync(string language, bool woken, CancellationToken ct)
    {
        var free = capacity.Slots(language) - _busy.GetValueOrDefault(language);
        if (IsDraining || free <= 0)
            return;
        Interlocked.Increment(ref _claimAttempts);
        var claimStart = DateTimeOffset.UtcNow; // spans are timed on the system clock, as Activity ends them
        IReadOnlyList<SubmissionRecord> claimed;
        try
        {
            claimed = await store.ClaimAsync(identity.SiloId, language, free, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogClaimFailed(language, e.Message); // the store is away; the poll tries again
            return;
        }
        if (claimed.Count == 0 && woken)
            CodeRunnerMetrics.ClaimConflicted(language, ClaimConflict.EmptyWake);
        Interlocked.Add(ref _claimed, claimed.Count);
        foreach (var submission in claimed)
        {
            // Both times are the store's: no clock skew between the client that accepted and this silo.
            CodeRunnerMetrics.SubmissionClaimed(language, (submission.StartedAt ?? submission.CreatedAt) - submission.CreatedAt);
            using (CodeRunnerTracing.StartForSubmission("submission.claim", ActivityKind.Consumer, submission.Id, language, submission.TraceParent, claimStart))
            {
                // The span covers the claim query that took this submission; it ends here.
            }
            Start(submission);
        }
    }

    private void Start(SubmissionRecord submission)
    {
        var grain = new SubmissionGrain(submission, identity.SiloId, store, runner, options.Value, loggers.CreateLogger<SubmissionGrain>(), time, webhooks);
        _busy.AddOrUpdate(submission.Language, 1, (_, n) => n + 1);
        var run = Task.Run(async () =>
        {
            try
            {
                await grain.RunAsync(_handBack.Token);
            }
            finally
            {
                _busy.AddOrUpdate(submission.Language, 0, (_, n) => n - 1);
                _running.TryRemove(submission.Id, out _);
                grain.Dispose();
                _wakeups.Writer.TryWrite((submission.Language, false)); // a slot is free: pull the next one
            }
        });
        _running[submission.Id] = (grain, run);
        if (_earlyCancels.TryRemove(submission.Id, out _))
            grain.RequestCancel();
    }

    private async Task<IAsyncDisposable> SubscribeAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await store.SubscribeAsync(this, identity.SiloId, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSubscribeFailed(e.Message);
                await Task.Delay(delay, time, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    private async Task RecheckCancellationsAsync()
    {
        foreach (var (id, entry) in _running)
        {
            try
            {
                if (await store.GetAsync(id, CancellationToken.None) is { CancelRequested: true })
                    entry.Grain.RequestCancel();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogClaimFailed("cancel check", e.Message);
            }
        }
    }

    private async Task TrySetStatusAsync(SiloStatus status)
    {
        try
        {
            await store.SetStatusAsync(identity.SiloId, status, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogClaimFailed("status", e.Message);
        }
    }

    [LoggerMessage(EventId = 1700, Level = LogLevel.Warning, Message = "Claiming {LanguageId} failed: {Reason}")]
    private partial void LogClaimFailed(string languageId, string reason);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Warning, Message = "Subscribing to the store failed, retrying: {Reason}")]
    private partial void LogSubscribeFailed(string reason);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Warning, Message = "Silo {SiloId} drained by an operator: it claims nothing new; {Count} runs finish")]
    private partial void LogOperatorDrain(string siloId, int count);

    [LoggerMessage(EventId = 1704, Level = LogLevel.Warning, Message = "Silo {SiloId} resumed by an operator: it claims again")]
    private partial void LogOperatorResume(string siloId);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Information, Message = "Silo {SiloId} stops claiming; {Count} runs may finish within {Seconds} s")]
    private partial void LogDraining(string siloId, int count, double seconds);
}
