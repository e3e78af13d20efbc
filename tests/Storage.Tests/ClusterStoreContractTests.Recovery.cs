using CodeRunner.Runs;
using CodeRunner.Tests.Support;

namespace CodeRunner.Storage.Tests;

public abstract partial class ClusterStoreContractTests
{
    [Fact]
    public async Task RecoveryRequeuesADeadSilosSubmissionsUnderTheAttemptLimit()
    {
        var dead = await JoinAsync();
        var alive = await JoinAsync();
        var lost1 = await ClaimOneAsync(dead);
        var lost2 = await ClaimOneAsync(dead);
        var kept = await ClaimOneAsync(alive);
        await DeclareDeadAsync(dead);

        Assert.Equal(2, await Store.RecoverAsync(dead, 3, Ct));

        foreach (var id in new[] { lost1.Id, lost2.Id })
        {
            var requeued = await GetAsync(id);
            Assert.Equal((SubmissionStatus.Queued, null, 1), (requeued.Status, requeued.Owner, requeued.Attempts));
            Assert.Equal(SubmissionEventKind.Requeued, (await Store.ListEventsAsync(id, Ct))[^1].Kind);
        }
        Assert.Equal((SubmissionStatus.Running, alive), ((await GetAsync(kept.Id)).Status, (await GetAsync(kept.Id)).Owner));
        Assert.Equal(0, await Store.RecoverAsync(dead, 3, Ct));
        var reclaimed = await Store.ClaimAsync(alive, "python", 10, Ct);
        Assert.Equal([lost1.Id, lost2.Id], reclaimed.Select(s => s.Id));
        Assert.All(reclaimed, s => Assert.Equal((2L, 2), (s.Epoch, s.Attempts)));
    }

    [Fact]
    public async Task RecoveryFailsASubmissionWithAnInternalErrorAtTheAttemptLimit()
    {
        var completions = await SubscribeAsync(siloId: null);
        var first = await JoinAsync();
        var second = await JoinAsync();
        var claimed = await ClaimOneAsync(first);
        await DeclareDeadAsync(first);
        Assert.Equal(1, await Store.RecoverAsync(first, 2, Ct));
        var reclaimed = Assert.Single(await Store.ClaimAsync(second, "python", 1, Ct));
        await DeclareDeadAsync(second);

        Assert.Equal(1, await Store.RecoverAsync(second, 2, Ct));

        var failed = await GetAsync(claimed.Id);
        Assert.Equal((SubmissionStatus.Completed, 2), (failed.Status, failed.Attempts));
        Assert.Equal(Verdict.InternalError, failed.Result!.Verdict);
        Assert.Contains(second, failed.Result.Message, StringComparison.Ordinal);
        Assert.Contains("2 of 2 attempts", failed.Result.Message, StringComparison.Ordinal);
        Assert.Equal(
            [
                (SubmissionEventKind.Accepted, null, 0L),
                (SubmissionEventKind.Claimed, first, 1L),
                (SubmissionEventKind.Requeued, first, 1L),
                (SubmissionEventKind.Claimed, second, 2L),
                (SubmissionEventKind.Completed, second, 2L),
            ],
            (await Store.ListEventsAsync(claimed.Id, Ct)).Select(e => (e.Kind, e.SiloId, e.Epoch)));
        await Eventually.True(() => completions.Completed.Contains(claimed.Id), Eventually.Soon, "the failure is announced");
        Assert.False(await Store.CompleteAsync(claimed.Id, second, reclaimed.Epoch, Result(), Ct));
    }

    [Fact]
    public async Task TheOldOwnersWritesAreRejectedAfterRecoveryAndReclaim()
    {
        var old = await JoinAsync();
        var next = await JoinAsync();
        var stale = await ClaimOneAsync(old);
        await DeclareDeadAsync(old);
        await Store.RecoverAsync(old, 3, Ct);
        var current = Assert.Single(await Store.ClaimAsync(next, "python", 1, Ct));

        Assert.False(await Store.CompleteAsync(stale.Id, old, stale.Epoch, Result(Verdict.RuntimeError), Ct));
        Assert.False(await Store.ReleaseAsync(stale.Id, old, stale.Epoch, Ct));
        Assert.Equal((SubmissionStatus.Running, next, current.Epoch), ((await GetAsync(stale.Id)).Status, (await GetAsync(stale.Id)).Owner, (await GetAsync(stale.Id)).Epoch));

        Assert.True(await Store.CompleteAsync(stale.Id, next, current.Epoch, Result(), Ct));
        Assert.Equal(Verdict.Accepted, (await GetAsync(stale.Id)).Result!.Verdict);
    }

    [Fact]
    public async Task RecoveryLeavesALiveSiloAlone()
    {
        var alive = await JoinAsync();
        var running = await ClaimOneAsync(alive);

        Assert.Equal(0, await Store.RecoverAsync(alive, 3, Ct));

        Assert.Equal(SubmissionStatus.Running, (await GetAsync(running.Id)).Status);
    }

    [Fact]
    public async Task ADeadSiloClaimsNothing()
    {
        var dead = await JoinAsync();
        await DeclareDeadAsync(dead);
        var queued = await EnqueueAsync();

        Assert.Empty(await Store.ClaimAsync(dead, "python", 10, Ct));
        Assert.Empty(await Store.ClaimAsync("never-joined", "python", 10, Ct));
        Assert.Equal(SubmissionStatus.Queued, (await GetAsync(queued.Id)).Status);
    }

    [Fact]
    public async Task CancellingAQueuedSubmissionCompletesItAsCancelled()
    {
        var completions = await SubscribeAsync(siloId: null);
        var silo = await JoinAsync();
        var queued = await EnqueueAsync();

        Assert.Equal(CancelOutcome.Cancelled, await Store.CancelAsync(queued.Id, Ct));

        var cancelled = await GetAsync(queued.Id);
        Assert.Equal(SubmissionStatus.Completed, cancelled.Status);
        Assert.Equal(Verdict.Cancelled, cancelled.Result!.Verdict);
        Assert.NotNull(cancelled.CompletedAt);
        await Eventually.True(() => completions.Completed.Contains(queued.Id), Eventually.Soon, "the cancellation is announced");
        Assert.Empty(await Store.ClaimAsync(silo, "python", 10, Ct));
        Assert.Equal(CancelOutcome.AlreadyCompleted, await Store.CancelAsync(queued.Id, Ct));
    }

    [Fact]
    public async Task CancellingARunningSubmissionAsksItsOwnerAndOnlyItsOwner()
    {
        var owner = await JoinAsync();
        var bystander = await JoinAsync();
        var ownerListener = await SubscribeAsync(owner);
        var bystanderListener = await SubscribeAsync(bystander);
        var running = await ClaimOneAsync(owner);

        Assert.Equal(CancelOutcome.Requested, await Store.CancelAsync(running.Id, Ct));

        var requested = await GetAsync(running.Id);
        Assert.Equal((SubmissionStatus.Running, true), (requested.Status, requested.CancelRequested));
        await Eventually.True(() => ownerListener.CancelRequests.Contains(running.Id), Eventually.Soon, "the owner is asked to cancel");
        // Sent after the cancel request: once it arrives, a misrouted cancel request would have arrived too.
        await Store.WakeAsync(bystander, "python", Ct);
        await Eventually.True(() => bystanderListener.Wakes.Contains("python"), Eventually.Soon, "the bystander is woken");
        Assert.Empty(bystanderListener.CancelRequests);
        Assert.True(await Store.CompleteAsync(running.Id, owner, running.Epoch, Result(Verdict.Cancelled, ""), Ct));
    }

    [Fact]
    public async Task CancellingACompletedOrUnknownSubmissionChangesNothing()
    {
        var silo = await JoinAsync();
        var running = await ClaimOneAsync(silo);
        Assert.True(await Store.CompleteAsync(running.Id, silo, running.Epoch, Result(), Ct));

        Assert.Equal(CancelOutcome.AlreadyCompleted, await Store.CancelAsync(running.Id, Ct));
        Assert.Equal(CancelOutcome.NotFound, await Store.CancelAsync(Guid.NewGuid(), Ct));

        var done = await GetAsync(running.Id);
        Assert.Equal((Verdict.Accepted, false), (done.Result!.Verdict, done.CancelRequested));
    }

    [Fact]
    public async Task ACancelRequestedSubmissionIsNeverRunAgain()
    {
        var released = await JoinAsync();
        var dying = await JoinAsync();
        var first = await ClaimOneAsync(released);
        var second = await ClaimOneAsync(dying);
        await Store.CancelAsync(first.Id, Ct);
        await Store.CancelAsync(second.Id, Ct);

        Assert.True(await Store.ReleaseAsync(first.Id, released, first.Epoch, Ct));
        await DeclareDeadAsync(dying);
        Assert.Equal(1, await Store.RecoverAsync(dying, 3, Ct));

        Assert.Equal(Verdict.Cancelled, (await GetAsync(first.Id)).Result!.Verdict);
        Assert.Equal(Verdict.Cancelled, (await GetAsync(second.Id)).Result!.Verdict);
        Assert.Empty(await Store.CountQueuedAsync(Ct));
    }
}
