using System.Collections.Concurrent;
using CodeRunner.Cluster;
using CodeRunner.Frontend.Operations.Views;
using CodeRunner.Storage;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Operations;

/// <summary>
/// Computes the overview and the silos' view from the store: membership rows and the published
/// loads, queue depth, and the completed submissions of the last
/// <see cref="OperationsOptions.StatsWindow"/>. Percentiles are exact over every completion of the
/// window (up to <see cref="OperationsOptions.MaxStatsRows"/>), the same on every frontend.
/// </summary>
public sealed class ClusterSnapshots(
    IClusterStore store,
    MaintenanceMode maintenance,
    IOptions<OperationsOptions> options,
    IOptions<ClusterMembershipOptions> membership,
    TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Bucket = TimeSpan.FromSeconds(10);

    // Each silo's claim counter as its heartbeats published it, over the last ClaimRateSpan: the
    // counter's growth over that span is its claims per second (one heartbeat apart would flicker).
    private static readonly TimeSpan ClaimRateSpan = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<string, Queue<Sample>> _claims = new();

    private readonly record struct Sample(long Claimed, DateTimeOffset At);

    private readonly SemaphoreSlim _computing = new(1, 1);
    private volatile Cached? _last; // one reference: read and replaced whole

    private sealed record Cached(Snapshot Snapshot, DateTimeOffset At);

    /// <summary>
    /// The current snapshot. Every open dashboard asks for one each stream interval; one computed
    /// within the last half interval is shared, so the store's work does not grow with the
    /// number of operators watching.
    /// </summary>
    public async Task<Snapshot> SnapshotAsync(CancellationToken ct)
    {
        var fresh = options.Value.StreamInterval / 2;
        if (_last is { } recent && time.GetUtcNow() - recent.At < fresh)
            return recent.Snapshot;
        await _computing.WaitAsync(ct);
        try
        {
            if (_last is { } again && time.GetUtcNow() - again.At < fresh)
                return again.Snapshot;
            var silos = await SilosAsync(ct);
            var snapshot = new Snapshot(await OverviewAsync(silos, ct), silos);
            _last = new Cached(snapshot, time.GetUtcNow());
            return snapshot;
        }
        finally
        {
            _computing.Release();
        }
    }

    public void Dispose() => _computing.Dispose();

    public async Task<IReadOnlyList<SiloView>> SilosAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var suspectAfter = membership.Value.IAmAliveTablePublishTimeout * 2;
        var rows = await store.ListSilosAsync(ct);
        foreach (var gone in _claims.Keys.Except(rows.Select(r => r.SiloId)))
            _claims.TryRemove(gone, out _); // silos removed from the table
        return
        [
            .. rows.OrderBy(s => s.Status is SiloStatus.Dead or SiloStatus.Left).ThenBy(s => s.SiloName).ThenByDescending(s => s.StartedAt).Select(s => new SiloView(
                s.SiloId, s.SiloName, s.Address, StateOf(s, suspectAfter), s.StartedAt,
                Math.Round(Math.Max(0, (now - s.StartedAt).TotalSeconds)), s.Load.CpuPercent, s.Load.MemoryBytes, s.Load.Languages,
                ClaimsPerSecond(s), s.Load.Claimed, s.HeartbeatAt, Math.Round(s.HeartbeatAge.TotalSeconds, 1))),
        ];
    }

    private async Task<Overview> OverviewAsync(IReadOnlyList<SiloView> silos, CancellationToken ct)
    {
        var window = options.Value.StatsWindow;
        var queued = await store.CountQueuedAsync(ct);
        var completed = await store.ListCompletedAsync(window, options.Value.MaxStatsRows, ct);
        var accepted = await store.ListAcceptedAsync(window, options.Value.MaxStatsRows, ct);
        var now = time.GetUtcNow();
        var lastMinute = completed.Count(c => now - c.CompletedAt <= TimeSpan.FromMinutes(1));
        var errors = completed.Count(c => c.Verdict == nameof(CodeRunner.Runs.Verdict.InternalError));
        var counts = new SiloCounts(
            silos.Count(s => s.State == "Up"),
            silos.Count(s => s.State is "Draining" or "ShuttingDown"),
            silos.Count(s => s.State == "Suspect"),
            silos.Count(s => s.State == "Dead"),
            silos.Count(s => s.State == "Left"));
        return new Overview(
            now,
            (int)window.TotalSeconds,
            counts,
            new SortedDictionary<string, int>(queued.ToDictionary()),
            Math.Round(accepted.Count(at => now - at <= TimeSpan.FromMinutes(1)) / Math.Min(60, window.TotalSeconds), 2),
            Math.Round(lastMinute / Math.Min(60, window.TotalSeconds), 2),
            completed.Count,
            Percentiles.Of(completed.Where(c => c.QueueWait is not null).Select(c => c.QueueWait!.Value)),
            Percentiles.Of(completed.Where(c => c.RunTime is not null).Select(c => c.RunTime!.Value)),
            new SortedDictionary<string, int>(completed.GroupBy(c => c.Verdict ?? "None").ToDictionary(g => g.Key, g => g.Count())),
            completed.Count == 0 ? 0 : Math.Round((double)errors / completed.Count, 4),
            Throughput(accepted, completed, now, window),
            await maintenance.MessageAsync(ct));
    }

    private static List<ThroughputPoint> Throughput(IReadOnlyList<DateTimeOffset> accepted, IReadOnlyList<CompletedTiming> completed, DateTimeOffset now, TimeSpan window)
    {
        var buckets = (int)Math.Ceiling(window / Bucket);
        var end = new DateTimeOffset(now.UtcTicks - now.UtcTicks % Bucket.Ticks, TimeSpan.Zero) + Bucket;
        var start = end - buckets * Bucket;
        var points = Enumerable.Range(0, buckets).Select(i => (At: start + i * Bucket, Accepted: 0, Completed: 0, Errors: 0)).ToArray();
        int? IndexOf(DateTimeOffset at) => (int)((at - start) / Bucket) is var i && i >= 0 && i < buckets ? i : null;
        foreach (var at in accepted)
        {
            if (IndexOf(at) is { } i)
                points[i].Accepted++;
        }
        foreach (var c in completed)
        {
            if (IndexOf(c.CompletedAt) is not { } i)
                continue;
            points[i].Completed++;
            if (c.Verdict == nameof(CodeRunner.Runs.Verdict.InternalError))
                points[i].Errors++;
        }
        return [.. points.Select(p => new ThroughputPoint(p.At, p.Accepted, p.Completed, p.Errors))];
    }

    private static string StateOf(SiloRecord silo, TimeSpan suspectAfter) => silo.Status switch
    {
        SiloStatus.Active when silo.HeartbeatAge > suspectAfter => "Suspect",
        SiloStatus.Active when silo.Load.Draining => "Draining",
        SiloStatus.Active => "Up",
        _ => silo.Status.ToString(),
    };

    private double ClaimsPerSecond(SiloRecord silo)
    {
        var samples = _claims.GetOrAdd(silo.SiloId, _ => new Queue<Sample>());
        lock (samples)
        {
            if (samples.Count == 0 || silo.HeartbeatAt > samples.Last().At)
                samples.Enqueue(new Sample(silo.Load.Claimed, silo.HeartbeatAt));
            while (samples.Count > 2 && silo.HeartbeatAt - samples.Peek().At > ClaimRateSpan)
                samples.Dequeue();
            var (first, last) = (samples.Peek(), samples.Last());
            var seconds = (last.At - first.At).TotalSeconds;
            return seconds > 0 ? Math.Round(Math.Max(0, last.Claimed - first.Claimed) / seconds, 2) : 0;
        }
    }
}
