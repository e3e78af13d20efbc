using CodeRunner.Runs;
using CodeRunner.Submissions;

namespace CodeRunner.Storage.Tests;

// Operations: the dashboard's reads and operators' settings.
public abstract partial class ClusterStoreContractTests
{
    [Fact]
    public async Task SubmissionListIsNewestFirstPagedAndCountsEveryMatch()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add((await EnqueueAsync()).Id);

        var first = await Store.ListSubmissionsAsync(new SubmissionQuery(Offset: 0, Limit: 2), Ct);
        var second = await Store.ListSubmissionsAsync(new SubmissionQuery(Offset: 2, Limit: 2), Ct);
        var last = await Store.ListSubmissionsAsync(new SubmissionQuery(Offset: 4, Limit: 2), Ct);

        Assert.Equal(5, first.Total);
        Assert.Equal(ids.AsEnumerable().Reverse(), first.Items.Concat(second.Items).Concat(last.Items).Select(s => s.Id));
    }

    [Fact]
    public async Task SubmissionListFiltersByLanguageVerdictSiloAndStatus()
    {
        var silo = await JoinAsync();
        var other = await JoinAsync();
        var accepted = await ClaimOneAsync(silo);
        Assert.True(await Store.CompleteAsync(accepted.Id, silo, accepted.Epoch, Result(Verdict.Accepted), Ct));
        var wrong = await ClaimOneAsync(other);
        Assert.True(await Store.CompleteAsync(wrong.Id, other, wrong.Epoch, Result(Verdict.WrongAnswer), Ct));
        var running = await ClaimOneAsync(silo);
        var queuedBash = await EnqueueAsync("bash");

        Assert.Equal([accepted.Id], (await Store.ListSubmissionsAsync(new SubmissionQuery(Verdict: "Accepted"), Ct)).Items.Select(s => s.Id));
        Assert.Equal([wrong.Id], (await Store.ListSubmissionsAsync(new SubmissionQuery(SiloId: other), Ct)).Items.Select(s => s.Id));
        Assert.Equal([queuedBash.Id], (await Store.ListSubmissionsAsync(new SubmissionQuery(Language: "bash"), Ct)).Items.Select(s => s.Id));
        Assert.Equal([running.Id], (await Store.ListSubmissionsAsync(new SubmissionQuery(Status: SubmissionStatus.Running), Ct)).Items.Select(s => s.Id));
        var both = await Store.ListSubmissionsAsync(new SubmissionQuery(Language: "python", SiloId: silo), Ct);
        Assert.Equal(2, both.Total);
        Assert.Empty((await Store.ListSubmissionsAsync(new SubmissionQuery(Language: "bash", Verdict: "Accepted"), Ct)).Items);
    }

    [Fact]
    public async Task CompletedTimingsCoverTheWindowWithQueueWaitAndRunTime()
    {
        var silo = await JoinAsync();
        var ran = await ClaimOneAsync(silo);
        Assert.True(await Store.CompleteAsync(ran.Id, silo, ran.Epoch, Result(Verdict.TimeLimitExceeded), Ct));
        var cancelled = await EnqueueAsync();
        Assert.Equal(CancelOutcome.Cancelled, await Store.CancelAsync(cancelled.Id, Ct));
        await EnqueueAsync(); // still queued: not completed, not counted

        var timings = await Store.ListCompletedAsync(TimeSpan.FromMinutes(5), 100, Ct);

        Assert.Equal(2, timings.Count);
        var timed = Assert.Single(timings, t => t.Verdict == "TimeLimitExceeded");
        Assert.Equal(silo, timed.SiloId);
        Assert.True(timed.QueueWait >= TimeSpan.Zero && timed.RunTime >= TimeSpan.Zero);
        var never = Assert.Single(timings, t => t.Verdict == "Cancelled");
        Assert.Null(never.QueueWait);
        Assert.Null(never.RunTime);
        Assert.Single(await Store.ListCompletedAsync(TimeSpan.FromMinutes(5), 1, Ct));
    }

    [Fact]
    public async Task AcceptedListsEverySubmissionOfTheWindowWhateverItsStatusNewestFirstAndOnlyThisClusters()
    {
        Assert.Empty(await Store.ListAcceptedAsync(TimeSpan.FromMinutes(1), 100, Ct));
        var before = DateTimeOffset.UtcNow;
        var silo = await JoinAsync();
        await EnqueueAsync();
        var claimed = await ClaimOneAsync(silo, "bash");
        Assert.True(await Store.CompleteAsync(claimed.Id, silo, claimed.Epoch, Result(), Ct));
        await EnqueueAsync("ruby");
        var accepted = await Store.ListAcceptedAsync(TimeSpan.FromMinutes(1), 100, Ct);
        Assert.Equal(3, accepted.Count);
        Assert.Equal(accepted.OrderDescending(), accepted);
        Assert.All(accepted, at => Assert.InRange(at, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5)));
        Assert.Equal(2, (await Store.ListAcceptedAsync(TimeSpan.FromMinutes(1), 2, Ct)).Count);
        Assert.Empty(await (await OpenStoreAsync($"{ClusterId}-other")).ListAcceptedAsync(TimeSpan.FromMinutes(1), 100, Ct));
    }

    [Fact]
    public async Task SettingsAreSharedByEveryStoreOfTheClusterAndCanBeRemoved()
    {
        var other = await OpenStoreAsync(ClusterId);
        var elsewhere = await OpenStoreAsync($"{ClusterId}-other");

        await Store.SetSettingAsync(ClusterSettingKeys.Maintenance, "back at noon", Ct);
        await Store.SetSettingAsync(ClusterSettingKeys.PoolMinWarm("python"), "2", Ct);
        await Store.SetSettingAsync(ClusterSettingKeys.PoolMinWarm("python"), "3", Ct);

        var seen = await other.GetSettingsAsync(Ct);
        Assert.Equal("back at noon", seen[ClusterSettingKeys.Maintenance]);
        Assert.Equal("3", seen["pool.minWarm.python"]);
        Assert.Empty(await elsewhere.GetSettingsAsync(Ct));

        await other.SetSettingAsync(ClusterSettingKeys.Maintenance, null, Ct);
        Assert.False((await Store.GetSettingsAsync(Ct)).ContainsKey(ClusterSettingKeys.Maintenance));
    }
}
