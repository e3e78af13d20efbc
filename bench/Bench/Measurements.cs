namespace CodeRunner.Bench;

/// <summary>Latencies and throughput gathered for one variant at one concurrency, over all rounds.</summary>
internal sealed class Measurements
{
    private readonly List<double> _latenciesMs = [];
    private double _busySeconds;
    private int _runs, _failures;

    public void Add(IEnumerable<double> latenciesMs, int runs, int failures, double seconds)
    {
        _latenciesMs.AddRange(latenciesMs);
        _runs += runs;
        _failures += failures;
        _busySeconds += seconds;
    }

    public int Runs => _runs;

    public int Failures => _failures;

    public double RunsPerSecond => _busySeconds == 0 ? 0 : _runs / _busySeconds;

    public double Percentile(double p)
    {
        if (_latenciesMs.Count == 0)
            return double.NaN;
        var sorted = _latenciesMs.Order().ToList();
        var index = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
