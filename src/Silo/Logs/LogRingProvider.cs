using Microsoft.Extensions.Logging;

namespace CodeRunner.Silo.Logs;

/// <summary>Writes every log entry that passes the configured filters into this process's <see cref="LogRing"/>.</summary>
[ProviderAlias("Ring")]
public sealed class LogRingProvider(LogRing ring, TimeProvider time) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RingLogger(ring, time, categoryName);

    public void Dispose()
    {
    }

    private sealed class RingLogger(LogRing ring, TimeProvider time, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            ring.Add(time.GetUtcNow(), logLevel.ToString(), category, eventId.Id, formatter(state, exception), exception?.GetBaseException().Message);
        }
    }
}
