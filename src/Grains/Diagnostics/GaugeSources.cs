using System.Collections.Concurrent;

namespace CodeRunner.Diagnostics;

/// <summary>
/// What an observable gauge reads: sources register while they live (a node's pools, a store's
/// queue) and unregister when they go, so a gauge never reads a disposed part. Several sources can
/// live in one process (tests host several nodes); the gauge decides how to combine them.
/// </summary>
internal sealed class GaugeSources<T>
{
    private readonly ConcurrentDictionary<long, Func<IEnumerable<T>>> _sources = new();
    private long _next;

    public IDisposable Add(Func<IEnumerable<T>> source)
    {
        var key = Interlocked.Increment(ref _next);
        _sources[key] = source;
        return new Registration(() => _sources.TryRemove(key, out _));
    }

    /// <summary>Every source's values, oldest source first.</summary>
    public IEnumerable<T> Read() => _sources.OrderBy(s => s.Key).SelectMany(s => s.Value());

    private sealed class Registration(Action remove) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                remove();
        }
    }
}
