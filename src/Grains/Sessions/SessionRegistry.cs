using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CodeRunner.Sessions;

/// <summary>
/// The sessions this silo runs now, per language. Claiming counts them against the language's slots
/// (a session holds a sandbox that a batch run cannot use), and <see cref="SessionOptions.MaxConcurrentSessions"/> bounds them.
/// </summary>
public sealed class SessionRegistry(IOptions<SessionOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _byLanguage = new();
    private int _total;

    public int Count => Volatile.Read(ref _total);

    public int CountOf(string language) => _byLanguage.GetValueOrDefault(language);

    /// <summary>Whether another session would be taken now (the caller may still lose the race to <see cref="TryEnter"/>).</summary>
    public bool HasRoom => Count < options.Value.MaxConcurrentSessions;

    /// <summary>Counts a session in; null when the silo runs its maximum. Disposing the result counts it out.</summary>
    public IDisposable? TryEnter(string language)
    {
        if (Interlocked.Increment(ref _total) > options.Value.MaxConcurrentSessions)
        {
            Interlocked.Decrement(ref _total);
            return null;
        }
        _byLanguage.AddOrUpdate(language, 1, (_, n) => n + 1);
        return new Entry(this, language);
    }

    private sealed class Entry(SessionRegistry registry, string language) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
                return;
            registry._byLanguage.AddOrUpdate(language, 0, (_, n) => n - 1);
            Interlocked.Decrement(ref registry._total);
        }
    }
}
