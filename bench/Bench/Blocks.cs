using System.Diagnostics;

namespace CodeRunner.Bench;

/// <summary>One measured block: <c>callers</c> concurrent loops running a variant until the block's time is up.</summary>
internal static class Blocks
{
    public static async Task MeasureAsync(Variant variant, int callers, TimeSpan block, Measurements into)
    {
        var latencies = new List<double>();
        var failures = 0;
        var runs = 0;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (total.Elapsed < block)
            {
                var watch = Stopwatch.StartNew();
                var ok = await variant.RunOnce(CancellationToken.None);
                var ms = watch.Elapsed.TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(ms);
                    runs++;
                    if (!ok)
                        failures++;
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        into.Add(latencies, runs, failures, total.Elapsed.TotalSeconds);
    }
}
