using System.Diagnostics;
using CodeRunner.Sandboxes;
using CodeRunner.Storage;

namespace CodeRunner.Cluster;

/// <summary>
/// Capacity from this node's sandbox pools, less the sandboxes interactive sessions hold (a claim
/// must not count on them); load includes the process's CPU and memory.
/// </summary>
public sealed class SandboxCapacity(SandboxPools pools, Sessions.SessionRegistry sessions) : ISiloCapacity
{
    private TimeSpan _lastCpu;
    private long _lastAt = Stopwatch.GetTimestamp();

    public Task Ready => pools.Ready;

    public IReadOnlyCollection<string> Languages => pools.Catalog.All.Select(l => l.Id).ToList();

    /// <summary>Runs of the language this node can take; 0 once its pool is gone (the node is stopping), never an exception.</summary>
    public int Slots(string language) =>
        pools.Catalog.Find(language) is { } l && pools.FindPool(l) is { } pool
            ? Math.Max(0, pool.Size.Max - sessions.CountOf(l.Id))
            : 0;

    public SiloLoad Load()
    {
        var languages = pools.Pools.ToDictionary(
            p => p.Language.Id,
            p =>
            {
                var sandboxes = p.Sandboxes;
                return new LanguageLoad(
                    sandboxes.Count(s => s.State == SandboxState.Warm),
                    sandboxes.Count(s => s.State is SandboxState.Busy or SandboxState.Resetting),
                    p.CreatingCount,
                    p.Size.Max,
                    p.Language.Version,
                    sandboxes.Count(s => s.State == SandboxState.Retiring),
                    p.Size.MinWarm);
            });
        using var process = Process.GetCurrentProcess();
        var now = Stopwatch.GetTimestamp();
        var cpu = process.TotalProcessorTime;
        var elapsed = Stopwatch.GetElapsedTime(_lastAt, now);
        var percent = elapsed > TimeSpan.Zero ? (cpu - _lastCpu) / elapsed / Environment.ProcessorCount * 100 : 0;
        (_lastCpu, _lastAt) = (cpu, now);
        return new SiloLoad(languages, Math.Round(percent, 1), process.WorkingSet64);
    }
}
