using CodeRunner.Sessions;

namespace CodeRunner.Tests.Sessions;

/// <summary>A session's output: a burst within the rate's window is fine, a sustained flood or too much in all is not.</summary>
public class OutputBudgetTests
{
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    [Fact]
    public void OutputAboveTheRateOverItsWindowEndsTheSessionAndANewWindowStartsAfresh()
    {
        var time = new ManualTime();
        var budget = new OutputBudget(new SessionOptions { MaxOutputBytesPerSecond = 100, OutputRateWindow = TimeSpan.FromSeconds(10) }, time);

        Assert.Null(budget.Spend(600));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(budget.Spend(400)); // 1000 bytes in the window: exactly the rate's allowance
        var flood = budget.Spend(1);
        Assert.NotNull(flood);
        Assert.Equal(4413, flood.Code);
        Assert.Contains("per second", flood.Message);

        var later = new OutputBudget(new SessionOptions { MaxOutputBytesPerSecond = 100, OutputRateWindow = TimeSpan.FromSeconds(10) }, time);
        Assert.Null(later.Spend(900));
        time.Advance(TimeSpan.FromSeconds(11));
        Assert.Null(later.Spend(900)); // a new window: the old one's bytes no longer count
    }

    [Fact]
    public void OutputAboveTheTotalEndsTheSessionWhateverTheRate()
    {
        var time = new ManualTime();
        var budget = new OutputBudget(new SessionOptions { MaxOutputBytes = 500, MaxOutputBytesPerSecond = 1 << 20 }, time);
        Assert.Null(budget.Spend(300));
        time.Advance(TimeSpan.FromMinutes(5));
        var over = budget.Spend(201);
        Assert.NotNull(over);
        Assert.Equal(4413, over.Code);
        Assert.Contains("more than 500 bytes", over.Message);
    }
}
