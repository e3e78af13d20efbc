using System.Collections.Concurrent;
using CodeRunner.Runs;

namespace CodeRunner.Storage.Tests;

public abstract partial class ClusterStoreContractTests
{
    [Fact]
    public async Task AnEnqueuedSubmissionIsQueuedWithItsWholeRequest()
    {
        var request = new RunRequest("python",
            [new SourceFile("main.py", "print(input())"), new SourceFile("data/blob.bin", "AAEC", ContentEncoding.Base64)],
            Stdin: "héllo", Args: ["a", "b c"], CompileOptions: ["-O2"], Limits: new ResourceLimits(CpuTimeMs: 1000, MemoryBytes: 64L << 20),
            ExpectedOutput: "héllo", Comparison: OutputComparison.Exact, OutputEncoding: ContentEncoding.Base64);

        var (submission, created) = await Store.EnqueueAsync(new NewSubmission(Guid.NewGuid(), request, Priority: 3, IdempotencyKey: "key-1"), Ct);

        Assert.True(created);
        var stored = await GetAsync(submission.Id);
        Assert.Equal(("python", 3, SubmissionStatus.Queued, "key-1"), (stored.Language, stored.Priority, stored.Status, stored.IdempotencyKey));
        Assert.Equal((null, 0L, 0, false), (stored.Owner, stored.Epoch, stored.Attempts, stored.CancelRequested));
        Assert.Null(stored.Result);
        Assert.Null(stored.StartedAt);
        Assert.Equal(Json(request), Json(stored.Request));
        Assert.Equal(submission.CreatedAt, stored.CreatedAt);
    }

    [Fact]
    public async Task AnUnknownSubmissionIsNotFound() =>
        Assert.Null(await Store.GetAsync(Guid.NewGuid(), Ct));

    [Fact]
    public async Task ASecondEnqueueWithTheSameIdempotencyKeyReturnsTheFirst()
    {
        var (first, created) = await Store.EnqueueAsync(Submission("python", key: "retry-me"), Ct);
        var again = Submission("c", key: "retry-me");

        var (second, createdAgain) = await Store.EnqueueAsync(again, Ct);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal((first.Id, "python"), (second.Id, second.Language));
        Assert.Null(await Store.GetAsync(again.Id, Ct));
        Assert.Equal(1, (await Store.CountQueuedAsync(Ct)).Values.Sum());
        Assert.Single(await Store.ListEventsAsync(first.Id, Ct));
    }

    [Fact]
    public async Task ParallelEnqueuesWithOneIdempotencyKeyCreateOneSubmission()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => Task.Run(() => Store.EnqueueAsync(Submission(key: "one-of-ten"), Ct))));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Submission.Id).Distinct());
    }

    [Fact]
    public async Task EnqueueingTheSameIdAgainReturnsTheFirst()
    {
        var submission = Submission();
        await Store.EnqueueAsync(submission, Ct);

        var (again, created) = await Store.EnqueueAsync(submission, Ct);

        Assert.False(created);
        Assert.Equal(submission.Id, again.Id);
    }

    [Fact]
    public async Task AClaimTakesTheHighestPriorityFirstThenTheOldest()
    {
        var silo = await JoinAsync();
        var low1 = await EnqueueAsync(priority: 0);
        var high1 = await EnqueueAsync(priority: 5);
        var low2 = await EnqueueAsync(priority: 0);
        var high2 = await EnqueueAsync(priority: 5);
        var middle = await EnqueueAsync(priority: 2);

        var first = await Store.ClaimAsync(silo, "python", 3, Ct);
        var rest = await Store.ClaimAsync(silo, "python", 10, Ct);

        Assert.Equal([high1.Id, high2.Id, middle.Id], first.Select(s => s.Id));
        Assert.Equal([low1.Id, low2.Id], rest.Select(s => s.Id));
        Assert.All(first.Concat(rest), s =>
        {
            Assert.Equal((SubmissionStatus.Running, silo, 1L, 1), (s.Status, s.Owner, s.Epoch, s.Attempts));
            Assert.NotNull(s.StartedAt);
        });
        Assert.Empty(await Store.ClaimAsync(silo, "python", 10, Ct));
    }

    [Fact]
    public async Task AClaimTakesOnlyTheRequestedLanguage()
    {
        var silo = await JoinAsync();
        await EnqueueAsync("python");
        var c = await EnqueueAsync("c");
        await EnqueueAsync("python");

        var claimed = await Store.ClaimAsync(silo, "c", 10, Ct);

        Assert.Equal([c.Id], claimed.Select(s => s.Id));
        Assert.Equal(new Dictionary<string, int> { ["python"] = 2 }, await Store.CountQueuedAsync(Ct));
    }

    [Fact]
    public async Task TenParallelClaimersClaimEachOfTwoHundredSubmissionsExactlyOnce()
    {
        var enqueued = new List<Guid>();
        for (var batch = 0; batch < 10; batch++)
            enqueued.AddRange((await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => EnqueueAsync()))).Select(s => s.Id));
        var claimers = new List<(IClusterStore Store, string Silo)>();
        for (var i = 0; i < 10; i++)
        {
            var store = await OpenStoreAsync(ClusterId);
            claimers.Add((store, await JoinAsync(store)));
        }

        var claims = new ConcurrentBag<(Guid Id, string Silo)>();
        await Task.WhenAll(claimers.Select(c => Task.Run(async () =>
        {
            // Zero back means every queued row left is taken or being taken by another claimer.
            while (await c.Store.ClaimAsync(c.Silo, "python", 7, Ct) is { Count: > 0 } got)
            {
                foreach (var s in got)
                    claims.Add((s.Id, c.Silo));
            }
        })));

        Assert.Equal(200, claims.Count);
        Assert.Equal(enqueued.Order(), claims.Select(c => c.Id).Order());
        Assert.Empty(await Store.CountQueuedAsync(Ct));
        foreach (var (id, silo) in claims)
        {
            var claimed = Assert.Single(await Store.ListEventsAsync(id, Ct), e => e.Kind == SubmissionEventKind.Claimed);
            Assert.Equal(silo, claimed.SiloId);
        }
    }

    [Fact]
    public async Task CompleteIsFencedByOwnerAndEpoch()
    {
        var owner = await JoinAsync();
        var other = await JoinAsync();
        var running = await ClaimOneAsync(owner);

        Assert.False(await Store.CompleteAsync(running.Id, owner, running.Epoch + 1, Result(), Ct));
        Assert.False(await Store.CompleteAsync(running.Id, owner, running.Epoch - 1, Result(), Ct));
        Assert.False(await Store.CompleteAsync(running.Id, other, running.Epoch, Result(), Ct));
        var untouched = await GetAsync(running.Id);
        Assert.Equal((SubmissionStatus.Running, owner, running.Epoch), (untouched.Status, untouched.Owner, untouched.Epoch));
        Assert.Null(untouched.Result);

        Assert.True(await Store.CompleteAsync(running.Id, owner, running.Epoch, Result(Verdict.WrongAnswer, "41\n"), Ct));

        var done = await GetAsync(running.Id);
        Assert.Equal(SubmissionStatus.Completed, done.Status);
        Assert.Equal(Json(Result(Verdict.WrongAnswer, "41\n")), Json(done.Result));
        Assert.NotNull(done.CompletedAt);
    }

    [Fact]
    public async Task AQueuedSubmissionCannotBeCompleted()
    {
        var silo = await JoinAsync();
        var queued = await EnqueueAsync();

        Assert.False(await Store.CompleteAsync(queued.Id, silo, queued.Epoch, Result(), Ct));
        Assert.Equal(SubmissionStatus.Queued, (await GetAsync(queued.Id)).Status);
    }

    [Fact]
    public async Task ACompletedSubmissionNeverChangesAgain()
    {
        var silo = await JoinAsync();
        var running = await ClaimOneAsync(silo);
        Assert.True(await Store.CompleteAsync(running.Id, silo, running.Epoch, Result(), Ct));
        var done = await GetAsync(running.Id);

        Assert.False(await Store.CompleteAsync(running.Id, silo, running.Epoch, Result(Verdict.RuntimeError), Ct));
        Assert.False(await Store.ReleaseAsync(running.Id, silo, running.Epoch, Ct));
        Assert.Equal(CancelOutcome.AlreadyCompleted, await Store.CancelAsync(running.Id, Ct));
        await DeclareDeadAsync(silo);
        Assert.Equal(0, await Store.RecoverAsync(silo, 1, Ct));

        Assert.Equal(Json(done), Json(await GetAsync(running.Id)));
    }

    [Fact]
    public async Task AReleasedSubmissionIsQueuedAgainWithoutCountingTheAttempt()
    {
        var leaving = await JoinAsync();
        var staying = await JoinAsync();
        var running = await ClaimOneAsync(leaving);

        Assert.True(await Store.ReleaseAsync(running.Id, leaving, running.Epoch, Ct));

        var queued = await GetAsync(running.Id);
        Assert.Equal((SubmissionStatus.Queued, null, 1L, 0), (queued.Status, queued.Owner, queued.Epoch, queued.Attempts));
        Assert.False(await Store.ReleaseAsync(running.Id, leaving, running.Epoch, Ct));
        var again = Assert.Single(await Store.ClaimAsync(staying, "python", 10, Ct));
        Assert.Equal((running.Id, 2L, 1), (again.Id, again.Epoch, again.Attempts));
        Assert.False(await Store.CompleteAsync(running.Id, leaving, running.Epoch, Result(), Ct));
        Assert.True(await Store.CompleteAsync(running.Id, staying, again.Epoch, Result(), Ct));
    }

    [Fact]
    public async Task QueuedSubmissionsAreCountedPerLanguage()
    {
        Assert.Empty(await Store.CountQueuedAsync(Ct));
        var silo = await JoinAsync();
        foreach (var language in new[] { "python", "python", "python", "c", "c" })
            await EnqueueAsync(language);

        await Store.ClaimAsync(silo, "python", 1, Ct);

        Assert.Equal(new Dictionary<string, int> { ["python"] = 2, ["c"] = 2 }, await Store.CountQueuedAsync(Ct));
    }

    [Fact]
    public async Task EventsListTheLifecycleOldestFirst()
    {
        var first = await JoinAsync();
        var second = await JoinAsync();
        var claimed = await ClaimOneAsync(first);
        Assert.True(await Store.ReleaseAsync(claimed.Id, first, claimed.Epoch, Ct));
        var reclaimed = Assert.Single(await Store.ClaimAsync(second, "python", 1, Ct));
        Assert.True(await Store.CompleteAsync(reclaimed.Id, second, reclaimed.Epoch, Result(), Ct));

        var events = await Store.ListEventsAsync(claimed.Id, Ct);

        Assert.Equal(
            [
                (SubmissionEventKind.Accepted, null, 0L),
                (SubmissionEventKind.Claimed, first, 1L),
                (SubmissionEventKind.Released, first, 1L),
                (SubmissionEventKind.Claimed, second, 2L),
                (SubmissionEventKind.Completed, second, 2L),
            ],
            events.Select(e => (e.Kind, e.SiloId, e.Epoch)));
        Assert.All(events, e => Assert.Equal(claimed.Id, e.SubmissionId));
        Assert.Equal(events.Select(e => e.At).Order(), events.Select(e => e.At));
        Assert.Equal(nameof(Verdict.Accepted), events[^1].Detail);
        Assert.Empty(await Store.ListEventsAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task ClustersSharingADatabaseSeeOnlyTheirOwnRows()
    {
        var other = await OpenStoreAsync($"other-{Guid.NewGuid():N}");
        var silo = await JoinAsync();
        await other.JoinAsync(new SiloRegistration(silo, "same-id-elsewhere", "127.0.0.1:2"), Ct);
        var mine = await Store.EnqueueAsync(Submission(key: "shared-key"), Ct);

        var theirs = await other.EnqueueAsync(Submission(key: "shared-key"), Ct);

        Assert.True(theirs.Created);
        Assert.Null(await other.GetAsync(mine.Submission.Id, Ct));
        Assert.Equal([theirs.Submission.Id], (await other.ClaimAsync(silo, "python", 10, Ct)).Select(s => s.Id));
        Assert.Equal(SubmissionStatus.Queued, (await GetAsync(mine.Submission.Id)).Status);
        Assert.Equal("same-id-elsewhere", Assert.Single(await other.ListSilosAsync(Ct)).SiloName);
        Assert.Empty(await other.CountQueuedAsync(Ct));
        Assert.Equal(1, (await Store.CountQueuedAsync(Ct))["python"]);
    }

    [Fact]
    public async Task SubmitterAndCallbackAreKeptAndActiveSubmissionsAreCountedPerSubmitter()
    {
        var silo = await JoinAsync();
        var (first, _) = await Store.EnqueueAsync(Submission() with { Submitter = "editor", CallbackUrl = "https://hooks.example/done" }, Ct);
        await Store.EnqueueAsync(Submission() with { Submitter = "editor" }, Ct);
        await Store.EnqueueAsync(Submission() with { Submitter = "judge" }, Ct);
        Assert.Equal("editor", first.Submitter);
        Assert.Equal("https://hooks.example/done", (await Store.GetAsync(first.Id, Ct))!.CallbackUrl);
        Assert.Equal(2, await Store.CountActiveAsync("editor", Ct));

        var claimed = await Store.ClaimAsync(silo, "python", 10, Ct);
        Assert.Equal(2, await Store.CountActiveAsync("editor", Ct)); // Running still counts
        foreach (var running in claimed.Where(c => c.Submitter == "editor"))
            await Store.CompleteAsync(running.Id, silo, running.Epoch, Result(), Ct);
        Assert.Equal(0, await Store.CountActiveAsync("editor", Ct));
        Assert.Equal(1, await Store.CountActiveAsync("judge", Ct));
    }

    [Fact]
    public async Task CallbackAttemptsAreRecordedInTheHistory()
    {
        var silo = await JoinAsync();
        var running = await ClaimOneAsync(silo);
        await Store.CompleteAsync(running.Id, silo, running.Epoch, Result(), Ct);
        await Store.RecordCallbackAsync(running.Id, silo, "attempt 1: 500", Ct);
        await Store.RecordCallbackAsync(running.Id, silo, "attempt 2: 200", Ct);
        var callbacks = (await Store.ListEventsAsync(running.Id, Ct)).Where(e => e.Kind == SubmissionEventKind.Callback).ToList();
        Assert.Equal(["attempt 1: 500", "attempt 2: 200"], callbacks.Select(e => e.Detail));
        Assert.All(callbacks, e => Assert.Equal(silo, e.SiloId));
    }

    [Fact]
    public async Task TheTraceParentIsKeptThroughClaimRequeueAndReclaim()
    {
        const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var first = await JoinAsync();
        var (queued, _) = await Store.EnqueueAsync(Submission() with { TraceParent = TraceParent }, Ct);
        Assert.Equal(TraceParent, queued.TraceParent);
        Assert.Equal(TraceParent, (await GetAsync(queued.Id)).TraceParent);

        var claimed = Assert.Single(await Store.ClaimAsync(first, "python", 1, Ct));
        Assert.Equal(TraceParent, claimed.TraceParent);
        await DeclareDeadAsync(first);
        await Store.RecoverAsync(first, 3, Ct);
        var second = await JoinAsync();
        Assert.Equal(TraceParent, Assert.Single(await Store.ClaimAsync(second, "python", 1, Ct)).TraceParent);
    }

    [Fact]
    public async Task ASubmissionAcceptedWithoutATraceHasNoTraceParent()
    {
        var silo = await JoinAsync();
        var queued = await EnqueueAsync();
        Assert.Null(queued.TraceParent);
        Assert.Null(Assert.Single(await Store.ClaimAsync(silo, "python", 1, Ct)).TraceParent);
    }
}
