namespace CodeRunner.Silo.Logs;

/// <summary>
/// The last <see cref="LogRingOptions.Capacity"/> log entries of this process. Logging must never
/// wait on a reader, so writers take a short lock and readers copy.
/// </summary>
public sealed class LogRing(int capacity, string source)
{
    private readonly LogEntry[] _entries = new LogEntry[Math.Max(1, capacity)];
    private readonly Lock _gate = new();
    private long _next = 1;

    /// <summary>Who writes here (a silo's name, or <c>frontend</c>); set once the host knows it.</summary>
    public string Source { get; set; } = source;

    public void Add(DateTimeOffset at, string level, string category, int eventId, string message, string? exception)
    {
        lock (_gate)
        {
            var seq = _next++;
            _entries[seq % _entries.Length] = new LogEntry(seq, at, level, category, eventId, message, exception, Source);
        }
    }

    /// <summary>Entries newer than <paramref name="after"/>, oldest first, at most the newest <paramref name="limit"/>.</summary>
    public IReadOnlyList<LogEntry> Read(long after, int limit)
    {
        lock (_gate)
        {
            var first = Math.Max(Math.Max(after + 1, _next - _entries.Length), _next - Math.Max(0, limit));
            var result = new List<LogEntry>((int)Math.Max(0, _next - first));
            for (var seq = first; seq < _next; seq++)
                result.Add(_entries[seq % _entries.Length]);
            return result;
        }
    }
}
