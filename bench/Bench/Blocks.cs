using System.Diagnostics;

namespace CodeRunner.Bench;

/// <summary>One measured block: <c>callers</c> concurrent loops running a variant until the block's time is up.</summary>
internal static class Blocks
{
    /// <summary>
    /// Warms every variant up, then measures every variant at every concurrency once per round.
    /// Interleaving rounds spreads this machine's drift over all variants alike.
    /// </summary>
    public static async Task<Dictionary<(Variant, int), Measurements>> RunRoundsAsync(
        IReadOnlyList<Variant> variants, IReadOnlyList<int> concurrencies, TimeSpan block, int rounds, int warmUps)
    {
        foreach (var variant in variants)
        {
            for (var i = 0; i < warmUps; i++)
                await variant.RunOnce(CancellationToken.None); // caches, JIT, pools
        }
        var results = variants.SelectMany(v => concurrencies.Select(n => (v, n))).ToDictionary(k => k, _ => new Measurements());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var n in concurrencies)
            {
                foreach (var variant in variants)
                    await MeasureAsync(variant, n, block, results[(variant, n)]);
            }
            Console.WriteLine($"# round {round} of {rounds} done");
        }
        return results;
    }

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
