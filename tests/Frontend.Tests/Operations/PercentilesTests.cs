using CodeRunner.Frontend.Operations.Views;

namespace CodeRunner.Tests.Operations;

/// <summary>The overview's percentiles are exact (nearest rank), not averages.</summary>
public sealed class PercentilesTests
{
    [Fact]
    public void PercentilesAreNearestRankOverEveryValue()
    {
        var durations = Enumerable.Range(1, 100).Select(i => TimeSpan.FromMilliseconds(i)).Reverse();
        Assert.Equal(new Percentiles(50, 95, 99, 100), Percentiles.Of(durations));
    }

    [Fact]
    public void OneSlowRunShowsInTheTailButNotInTheMedian()
    {
        var durations = Enumerable.Repeat(TimeSpan.FromMilliseconds(10), 99).Append(TimeSpan.FromSeconds(5));
        var p = Percentiles.Of(durations);
        Assert.Equal(10, p.P50);
        Assert.Equal(10, p.P99);
        Assert.Equal(100, p.Count);
        Assert.Equal(5000, Percentiles.Of(durations.Skip(90)).P99); // 10 values: p99 is the largest
    }

    [Fact]
    public void NoValuesAreZeroesNotErrors() => Assert.Equal(new Percentiles(0, 0, 0, 0), Percentiles.Of([]));
}
