using CodeRunner.Silo.Logs;

namespace CodeRunner.Tests.Operations;

/// <summary>Each process's log tail is bounded and readable from where a reader left off.</summary>
public sealed class LogRingTests
{
    [Fact]
    public void TheRingKeepsTheNewestEntriesAndReadsAfterASequenceNumber()
    {
        var ring = new LogRing(capacity: 3, source: "node-1");
        for (var i = 1; i <= 5; i++)
            ring.Add(DateTimeOffset.UnixEpoch.AddSeconds(i), "Information", "test", i, $"entry {i}", null);

        Assert.Equal(["entry 3", "entry 4", "entry 5"], ring.Read(0, 100).Select(e => e.Message));
        Assert.Equal(["entry 5"], ring.Read(4, 100).Select(e => e.Message));
        Assert.Equal(["entry 4", "entry 5"], ring.Read(0, 2).Select(e => e.Message));
        Assert.Empty(ring.Read(5, 100));
        Assert.All(ring.Read(0, 100), e => Assert.Equal("node-1", e.Source));
    }
}
