using CodeRunner.Tests.Support;
namespace CodeRunner.Storage.Tests;

public abstract partial class ClusterStoreContractTests
{
    [Fact]
    public async Task AWakeReachesOnlyTheTargetedSilo()
    {
        var a = await JoinAsync();
        var b = await JoinAsync();
        var aListener = await SubscribeAsync(a);
        var bListener = await SubscribeAsync(b);
        var anyone = await SubscribeAsync(siloId: null);

        await Store.WakeAsync(a, "python", Ct);
        await Store.WakeAsync(b, "c", Ct);
        // A completion after the wakes: once the subscriber without a silo has it, a misrouted wake would be there too.
        var running = await ClaimOneAsync(a);
        await Store.CompleteAsync(running.Id, a, running.Epoch, Result(), Ct);

        await Eventually.True(() => aListener.Wakes.Contains("python") && bListener.Wakes.Contains("c") && anyone.Completed.Contains(running.Id),
            Eventually.Soon, "each silo is woken");
        Assert.Equal(["python"], aListener.Wakes);
        Assert.Equal(["c"], bListener.Wakes);
        Assert.Empty(anyone.Wakes);
    }

    [Fact]
    public async Task EnqueueWakesTheNamedSiloOnlyForANewSubmission()
    {
        var a = await JoinAsync();
        var b = await JoinAsync();
        var aListener = await SubscribeAsync(a);
        var bListener = await SubscribeAsync(b);
        var key = Guid.NewGuid().ToString();

        await Store.EnqueueAsync(Submission(key: key) with { WakeSiloId = a }, Ct);
        // The same key again: nothing new is accepted, so nobody is woken.
        await Store.EnqueueAsync(Submission(key: key) with { WakeSiloId = b }, Ct);
        await Store.WakeAsync(b, "c", Ct); // sent last: once it is heard, a wrong wake would have been too

        await Eventually.True(() => aListener.Wakes.Contains("python") && bListener.Wakes.Contains("c"), Eventually.Soon, "the named silo is woken");
        Assert.Equal(["python"], aListener.Wakes);
        Assert.Equal(["c"], bListener.Wakes);
    }

    [Fact]
    public async Task CompletionsReachEverySubscriberIncludingOneWithoutASiloId()
    {
        var silo = await JoinAsync();
        var client = await SubscribeAsync(siloId: null);
        var siloListener = await SubscribeAsync(silo);
        var running = await ClaimOneAsync(silo);

        Assert.True(await Store.CompleteAsync(running.Id, silo, running.Epoch, Result(), Ct));

        await Eventually.True(() => client.Completed.Contains(running.Id) && siloListener.Completed.Contains(running.Id),
            Eventually.Soon, "both subscribers hear of the completion");
        Assert.Single(client.Completed);
    }

    [Fact]
    public async Task ACompletionOnAnotherStoreInstanceIsHeardToo()
    {
        var other = await OpenStoreAsync(ClusterId);
        var client = await SubscribeAsync(siloId: null);
        var silo = await JoinAsync(other);
        await EnqueueAsync();
        var running = Assert.Single(await other.ClaimAsync(silo, "python", 1, Ct));

        Assert.True(await other.CompleteAsync(running.Id, silo, running.Epoch, Result(), Ct));

        // PostgreSQL delivers across processes; the embedded store serves one process, whose
        // instances share its file but not their subscribers.
        if (NotifiesAcrossInstances)
            await Eventually.True(() => client.Completed.Contains(running.Id), Eventually.Soon, "the completion crosses instances");
        Assert.Equal(SubmissionStatus.Completed, (await GetAsync(running.Id)).Status);
    }

    [Fact]
    public async Task ADisposedSubscriptionHearsNothingMore()
    {
        var silo = await JoinAsync();
        var gone = new RecordingListener();
        await (await Store.SubscribeAsync(gone, silo, Ct)).DisposeAsync();
        var stays = await SubscribeAsync(silo);

        await Store.WakeAsync(silo, "python", Ct);
        var running = await ClaimOneAsync(silo);
        await Store.CompleteAsync(running.Id, silo, running.Epoch, Result(), Ct);

        await Eventually.True(() => stays.Wakes.Contains("python") && stays.Completed.Contains(running.Id), Eventually.Soon, "the live subscription hears");
        Assert.Empty(gone.Wakes);
        Assert.Empty(gone.Completed);
    }

    [Fact]
    public async Task AListenerThatThrowsKeepsReceiving()
    {
        var silo = await JoinAsync();
        var listener = new RecordingListener { ThrowOnWake = "boom" };
        _disposables.Add(await Store.SubscribeAsync(listener, silo, Ct));

        await Store.WakeAsync(silo, "boom", Ct);
        await Store.WakeAsync(silo, "python", Ct);

        await Eventually.True(() => listener.Wakes.Contains("python"), Eventually.Soon, "the wake after the failure arrives");
        Assert.Equal(["boom", "python"], listener.Wakes);
    }

    /// <summary>Whether a subscriber on one store instance hears changes made through another.</summary>
    protected abstract bool NotifiesAcrossInstances { get; }
}
