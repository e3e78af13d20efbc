using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SessionOptions = CodeRunner.Sessions.SessionOptions;

namespace CodeRunner.Frontend.Sessions;

/// <summary>
/// Open sessions per caller on this frontend (<see cref="SessionOptions.MaxPerCaller"/>). Counted
/// here, not in the store: a session lives as long as this frontend's socket does, and a count that
/// dies with the process cannot leak. Several frontends each allow the maximum.
/// </summary>
public sealed class SessionsPerCaller(IOptions<SessionOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new();

    public int Max => options.Value.MaxPerCaller;

    /// <summary>Takes one of the caller's places; null when it holds <see cref="Max"/> already. Disposing gives it back.</summary>
    public IDisposable? TryEnter(string caller)
    {
        if (Max == 0)
            return new Place(this, null);
        while (true)
        {
            var open = _open.GetValueOrDefault(caller);
            if (open >= Max)
                return null;
            if (open == 0 ? _open.TryAdd(caller, 1) : _open.TryUpdate(caller, open + 1, open))
                return new Place(this, caller);
        }
    }

    private void Leave(string caller)
    {
        while (true)
        {
            var open = _open[caller];
            // The last place removes the entry, so callers seen once do not stay in the map.
            if (open == 1 ? _open.TryRemove(new KeyValuePair<string, int>(caller, 1)) : _open.TryUpdate(caller, open - 1, open))
                return;
        }
    }

    private sealed class Place(SessionsPerCaller owner, string? caller) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (caller is not null && Interlocked.Exchange(ref _left, 1) == 0)
                owner.Leave(caller);
        }
    }
}
