using System.Diagnostics.Metrics;

namespace CodeRunner.Tests.Support;

/// <summary>
/// Adds up one counter's measurements that carry a given tag while it lives, straight from the
/// meter (no exporter in between), for tests that assert a code path counted itself exactly once.
/// </summary>
public sealed class CounterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public CounterRecorder(string instrumentName, string tagKey, string tagValue)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == instrumentName)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == tagKey && Equals(tag.Value, tagValue))
                    Interlocked.Add(ref _total, value);
            }
        });
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
