namespace CodeRunner.Storage.Tests;

public abstract partial class ClusterStoreContractTests
{
    [Fact]
    public async Task PurgeDeletesOnlyCompletedSubmissionsOlderThanTheRetentionOldestFirst()
    {
        var silo = await JoinAsync();
        var first = await CompleteOneAsync(silo);
        var second = await CompleteOneAsync(silo);
        var third = await CompleteOneAsync(silo);
        var running = await ClaimOneAsync(silo, "bash");
        var queued = await EnqueueAsync("ruby");

        Assert.Equal(0, await Store.PurgeCompletedAsync(TimeSpan.FromHours(1), 10, Ct));
        Assert.Equal(2, await Store.PurgeCompletedAsync(TimeSpan.Zero, 2, Ct));
        Assert.Null(await Store.GetAsync(first, Ct));
        Assert.Null(await Store.GetAsync(second, Ct));
        Assert.Empty(await Store.ListEventsAsync(first, Ct));
        Assert.NotNull(await Store.GetAsync(third, Ct));

        Assert.Equal(1, await Store.PurgeCompletedAsync(TimeSpan.Zero, 10, Ct));
        Assert.Equal(SubmissionStatus.Running, (await GetAsync(running.Id)).Status);
        Assert.Equal(SubmissionStatus.Queued, (await GetAsync(queued.Id)).Status);
        Assert.Equal(0, await Store.PurgeCompletedAsync(TimeSpan.Zero, 10, Ct));
    }

    private async Task<Guid> CompleteOneAsync(string silo)
    {
        var claimed = await ClaimOneAsync(silo);
        Assert.True(await Store.CompleteAsync(claimed.Id, silo, claimed.Epoch, Result(), Ct));
        return claimed.Id;
    }
}
