using System.Collections.Concurrent;
using System.Threading.Channels;
using CodeRunner.Diagnostics;
using CodeRunner.Languages;
using Microsoft.Extensions.Logging;

namespace CodeRunner.Sandboxes;

/// <summary>
/// One language's sandboxes on this node. Keeps <see cref="PoolSize.MinWarm"/> ready, makes more
/// in the background when callers wait (up to <see cref="PoolSize.Max"/>), hands each out to one
/// caller at a time, and after a run resets it off the caller's path, retiring it when the reset
/// is not clean, it has served its runs, or it idled too long above the minimum.
/// </summary>
public sealed partial class SandboxPool : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<SandboxGrain>> _create;
    private readonly SandboxOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<SandboxGrain> _warm = Channel.CreateUnbounded<SandboxGrain>();
    private readonly ConcurrentDictionary<string, SandboxGrain> _all = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _idleSweep;
    private readonly Lock _lock = new();
    private readonly List<Task> _background = [];
    private int _creating, _waiting, _consecutiveFailures;
    private DateTimeOffset _nextCreateAt;
    private bool _disposed;

    public SandboxPool(Language language, PoolSize size, SandboxOptions options, Func<CancellationToken, Task<SandboxGrain>> create, ILogger logger, TimeProvider time)
    {
        Language = language;
        Size = size;
        _options = options;
        _create = create;
        _logger = logger;
        _time = time;
        var sweep = TimeSpan.FromTicks(Math.Clamp(options.IdleTimeout.Ticks / 2, TimeSpan.TicksPerMillisecond * 100, TimeSpan.TicksPerSecond * 15));
        _idleSweep = time.CreateTimer(_ => RetireIdle(), null, sweep, sweep);
    }

    public Language Language { get; }

    public PoolSize Size { get; private set; }

    /// <summary>Every live sandbox of this pool, in any state.</summary>
    public IReadOnlyCollection<SandboxGrain> Sandboxes => _all.Values.ToList();

    public int WarmCount => _warm.Reader.Count;

    public int WaitingCount => Volatile.Read(ref _waiting);

    public int CreatingCount => Volatile.Read(ref _creating);

    /// <summary>Starts making the warm minimum; returns at once.</summary>
    public void Start() => Pump();

    /// <summary>Changes the warm minimum and maximum; the pool grows or shrinks towards them in the background.</summary>
    public void Resize(PoolSize size)
    {
        Size = size;
        RetireIdle();
        Pump();
    }

    /// <summary>Waits for a warm sandbox for at most <see cref="SandboxOptions.AcquireTimeout"/>.</summary>
    public async Task<SandboxLease> AcquireAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _waiting);
        Pump();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
        deadline.CancelAfter(_options.AcquireTimeout);
        try
        {
            while (true)
            {
                var sandbox = await _warm.Reader.ReadAsync(deadline.Token);
                if (sandbox.State == SandboxState.Warm)
                {
                    return new SandboxLease(this, sandbox);
                }
                Forget(sandbox); // retired while it waited in the queue (idle sweep, shutdown)
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SandboxUnavailableException(
                $"No {Language.Id} sandbox was free within {_options.AcquireTimeout.TotalSeconds:F0} s.");
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>Takes a sandbox back after a run: reset it off the caller's path, or retire it.</summary>
    internal void Release(SandboxGrain sandbox, bool broken)
    {
        Track(Task.Run(async () =>
        {
            RetireReason? retire = broken ? RetireReason.Broken
                : _disposed ? RetireReason.Shutdown
                : sandbox.RunsServed >= _options.MaxRunsPerSandbox ? RetireReason.MaxRuns
                : null;
            if (retire is null)
            {
                var clean = await sandbox.ResetAsync(_stopping.Token);
                if (_disposed || _stopping.IsCancellationRequested)
                {
                    retire = RetireReason.Shutdown; // a reset cut short by the stop proves nothing about the sandbox
                }
                else
                {
                    CodeRunnerMetrics.SandboxReset(Language.Id, clean);
                    retire = clean ? null : RetireReason.ResetFailed;
                }
            }
            if (retire is null)
                _warm.Writer.TryWrite(sandbox);
            else
                await RetireAsync(sandbox, retire.Value);
            Pump();
        }));
    }

    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
        }
        await _idleSweep.DisposeAsync();
        await _stopping.CancelAsync();
        Task[] pending;
        lock (_lock)
            pending = [.. _background];
        await Task.WhenAll(pending.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        foreach (var sandbox in _all.Values.Where(s => s.State is not (SandboxState.Retiring or SandboxState.Retired)))
            CodeRunnerMetrics.SandboxRetired(Language.Id, RetireReason.Shutdown);
        await Task.WhenAll(_all.Values.Select(s => s.RetireAsync()));
        _all.Clear();
        // _stopping is not disposed: a run released after the pool stopped still reads its token
        // (Release → reset off the caller's path), and a cancelled source holds nothing to free.
    }

    /// <summary>Starts making sandboxes while the warm ones (and those on the way) fall short of the minimum plus the waiting callers.</summary>
    private void Pump()
    {
        lock (_lock)
        {
            if (_disposed || _time.GetUtcNow() < _nextCreateAt)
                return;
            var size = Size;
            while (_creating < _options.CreateConcurrency
                   && _all.Count + _creating < size.Max
                   && WarmCount + _creating < size.MinWarm + WaitingCount)
            {
                _creating++;
                Track(Detached(CreateOneAsync));
            }
        }
    }

    private async Task CreateOneAsync()
    {
        try
        {
            var sandbox = await _create(_stopping.Token);
            _all[sandbox.Id] = sandbox;
            _consecutiveFailures = 0;
            CodeRunnerMetrics.SandboxCreated(Language.Id);
            if (_disposed)
                await RetireAsync(sandbox, RetireReason.Shutdown);
            else
                _warm.Writer.TryWrite(sandbox);
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            // Back off so a broken engine or image is not hammered: 1 s, 2 s, 4 s … up to 30 s.
            CodeRunnerMetrics.SandboxCreateFailed(Language.Id);
            var failures = Interlocked.Increment(ref _consecutiveFailures);
            var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures - 1)));
            lock (_lock)
                _nextCreateAt = _time.GetUtcNow() + delay;
            LogCreateFailed(Language.Id, failures, delay.TotalSeconds, e);
            Track(Task.Delay(delay, _time, _stopping.Token).ContinueWith(_ => Pump(), TaskScheduler.Default));
        }
        catch (Exception)
        {
            // Shutting down: nothing to do.
        }
        finally
        {
            lock (_lock)
                _creating--;
        }
        Pump();
    }

    /// <summary>Retires warm sandboxes above the minimum that idled past <see cref="SandboxOptions.IdleTimeout"/>.</summary>
    private void RetireIdle()
    {
        var now = _time.GetUtcNow();
        var keep = new List<SandboxGrain>();
        var retire = new List<SandboxGrain>();
        while (_warm.Reader.TryRead(out var sandbox))
        {
            var idle = now - sandbox.LastUsedAt > _options.IdleTimeout;
            (keep.Count >= Size.MinWarm && (idle || _all.Count - retire.Count > Size.Max) ? retire : keep).Add(sandbox);
        }
        foreach (var sandbox in keep)
            _warm.Writer.TryWrite(sandbox);
        foreach (var sandbox in retire)
            Track(Task.Run(() => RetireAsync(sandbox, RetireReason.Idle)));
    }

    private async Task RetireAsync(SandboxGrain sandbox, RetireReason reason)
    {
        CodeRunnerMetrics.SandboxRetired(Language.Id, reason);
        await sandbox.RetireAsync();
        Forget(sandbox);
    }

    private void Forget(SandboxGrain sandbox) => _all.TryRemove(sandbox.Id, out _);

    /// <summary>
    /// Runs pool work without the caller's execution context: a sandbox made because a run waited
    /// belongs to no submission, so its logs and spans must not carry that run's scope and trace.
    /// </summary>
    private static Task Detached(Func<Task> work)
    {
        if (ExecutionContext.IsFlowSuppressed())
            return Task.Run(work);
        using (ExecutionContext.SuppressFlow())
            return Task.Run(work);
    }

    private void Track(Task task)
    {
        lock (_lock)
        {
            _background.RemoveAll(t => t.IsCompleted);
            _background.Add(task);
        }
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Error, Message = "Making a {LanguageId} sandbox failed ({Failures} in a row); next try in {Seconds} s")]
    private partial void LogCreateFailed(string languageId, int failures, double seconds, Exception e);
}
