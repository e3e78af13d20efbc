using CodeRunner.Cluster;
using CodeRunner.Runs;

namespace CodeRunner.Tests.Cluster;

public class SubmissionDeadlineTests
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(60);

    [Fact]
    public void DeadlineCoversACompileAndOneRunAtItsWallLimitForEachTry() =>
        Assert.Equal(TimeSpan.FromSeconds(2 * (30 + 5) + 60),
            SubmissionGrain.DeadlineOf(new RunRequest("c", [], Limits: new ResourceLimits(WallTimeMs: 5000)), Slack));

    [Fact]
    public void DeadlineGrowsWithTheNumberOfTestCases() =>
        Assert.Equal(TimeSpan.FromSeconds(2 * (30 + 10 * 5) + 60),
            SubmissionGrain.DeadlineOf(new RunRequest("c", [], Limits: new ResourceLimits(WallTimeMs: 5000),
                TestCases: Enumerable.Range(0, 10).Select(i => new TestCase($"{i}", null)).ToList()), Slack));

    [Fact]
    public void UnsetWallLimitCountsAsTheLargest() =>
        Assert.Equal(TimeSpan.FromSeconds(2 * (30 + 30) + 60), SubmissionGrain.DeadlineOf(new RunRequest("python", []), Slack));
}
