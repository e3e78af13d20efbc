using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace CodeRunner.Silo.Observability;

/// <summary>
/// A Prometheus exporter of our own (OpenTelemetry's is not on the package feed): a
/// <see cref="MeterListener"/> that keeps, per instrument and label set, what /metrics shows, and
/// writes it in the text exposition format on each scrape. Values count from the exporter's start
/// (the process's start, as Prometheus expects); observable instruments are read at the scrape.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentState> _instruments = new();
    private readonly Lock _collecting = new();

    /// <param name="include">Which instruments to export; each one is asked once, when it is published.</param>
    public PrometheusExporter(Func<Instrument, bool> include)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!include(instrument))
                return;
            var state = new InstrumentState(instrument);
            _instruments[instrument] = state;
            listener.EnableMeasurementEvents(instrument, state);
        };
        _listener.MeasurementsCompleted = (instrument, state) => _instruments.TryRemove(instrument, out var _);
        _listener.SetMeasurementEventCallback<byte>((_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>((_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>((_, value, tags, state) => ((InstrumentState)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>
    /// Reads the observable instruments and writes every family, sorted by name. An instrument
    /// with nothing recorded yet still gets its HELP and TYPE lines, so a dashboard can rely on
    /// the name. When two instruments map to one name (two hosts in one process), the first wins.
    /// </summary>
    public string Collect()
    {
        lock (_collecting)
        {
            var states = _instruments.Values.ToList();
            foreach (var state in states)
                state.BeginCollect();
            _listener.RecordObservableInstruments();
            var output = new StringBuilder();
            foreach (var family in states.GroupBy(s => s.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var first = family.First();
                PrometheusTextWriter.Write(output, first, first.Snapshot());
            }
            return output.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();
}
