namespace CodeRunner.Frontend.Operations.Views;

/// <summary>Exact percentiles (nearest rank) of durations in milliseconds, over <paramref name="Count"/> values; zero when there are none.</summary>
/// <param name="P50">The median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Count">Values measured.</param>
public sealed record Percentiles(double P50, double P95, double P99, int Count)
{
    public static Percentiles Of(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Select(d => d.TotalMilliseconds).Order().ToArray();
        if (sorted.Length == 0)
            return new Percentiles(0, 0, 0, 0);
        double At(double p) => Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
        return new Percentiles(At(0.50), At(0.95), At(0.99), sorted.Length);
    }
}
