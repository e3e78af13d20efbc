using CodeRunner.Runs;
using CodeRunner.Storage;
using CodeRunner.Submissions;
using CodeRunner.Tests.Support;

namespace CodeRunner.Tests;

/// <summary>
/// The cluster's guarantees with real silo processes, a real PostgreSQL and the real Docker
/// engine: nothing accepted is lost, each result is written once, a silo that lost its lease cannot
/// overwrite its successor, and no container outlives its silo.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterTests(PostgresServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ThreeSilosRunThreeHundredSubmissionsEachToOneResult()
    {
        await using var cluster = await ClusterFixture.StartAsync(server);
        await Task.WhenAll(cluster.StartSiloAsync("a"), cluster.StartSiloAsync("b"), cluster.StartSiloAsync("c"));

        var requests = Enumerable.Range(0, 300).Select(i => (i % 3) switch
        {
            0 => (ClusterFixture.Python("print(int(input()) * 2)", stdin: i.ToString()), $"{i * 2}\n", Verdict.Accepted),
            1 => (ClusterFixture.Bash($"echo {i}"), $"{i}\n", Verdict.Accepted),
            _ => (ClusterFixture.Python($"import sys\nprint({i})\nsys.exit(4)"), $"{i}\n", Verdict.RuntimeError),
        }).ToList();
        var submitted = await cluster.Client.SubmitBatchAsync(requests.Select(r => r.Item1).ToList());
        var results = await cluster.WaitAllAsync(submitted.Select(s => s.Id), Patience);

        for (var i = 0; i < requests.Count; i++)
        {
            Assert.Equal(requests[i].Item3, results[i].Result!.Verdict);
            Assert.Equal(requests[i].Item2, results[i].Result!.Stdout);
        }
        await cluster.AssertCompletedExactlyOnceAsync(submitted.Select(s => s.Id));
        var owners = new HashSet<string>();
        foreach (var s in submitted.Take(60))
            owners.UnionWith((await cluster.Store.ListEventsAsync(s.Id, CancellationToken.None)).Where(e => e.Kind == SubmissionEventKind.Claimed).Select(e => e.SiloId!));
        Assert.True(owners.Count >= 2, $"work spread over {owners.Count} silo(s)");
    }

    [Fact]
    public async Task KilledSiloLosesNothingAndItsGhostsAreRemoved()
    {
        await using var cluster = await ClusterFixture.StartAsync(server);
        var silos = await Task.WhenAll(cluster.StartSiloAsync("a"), cluster.StartSiloAsync("b"), cluster.StartSiloAsync("c"));
        var victim = silos[0];

        var submitted = await cluster.Client.SubmitBatchAsync(
            Enumerable.Range(0, 24).Select(i => ClusterFixture.Python($"import time\ntime.sleep(1.5)\nprint({i})")).ToList());
        await Eventually.True(async () => await RunningOnAsync(cluster, submitted, victim) > 0, Patience, "the victim runs something");
        victim.Kill();

        var results = await cluster.WaitAllAsync(submitted.Select(s => s.Id), Patience);
        for (var i = 0; i < results.Count; i++)
        {
            Assert.Equal(Verdict.Accepted, results[i].Result!.Verdict);
            Assert.Equal($"{i}\n", results[i].Result!.Stdout);
        }
        await cluster.AssertCompletedExactlyOnceAsync(submitted.Select(s => s.Id));
        Assert.Contains(results, r => r.Attempts > 1);
        await Eventually.True(async () => (await cluster.ContainersOfAsync(victim)).Count == 0, Patience, "the dead silo's containers are removed");
    }

    [Fact]
    public async Task PausedSiloCannotOverwriteTheResultOfItsSuccessor()
    {
        await using var cluster = await ClusterFixture.StartAsync(server);
        var a = await cluster.StartSiloAsync("a");
        var submission = await cluster.Client.SubmitAsync(ClusterFixture.Python("import time, socket\ntime.sleep(2)\nprint(socket.gethostname())"));
        await Eventually.True(async () => await RunningOnAsync(cluster, [submission], a) == 1, Patience, "silo a runs it");
        a.Pause();
        var b = await cluster.StartSiloAsync("b");

        var done = await cluster.Client.WaitAsync(submission.Id, Patience);
        Assert.Equal(SubmissionStatus.Completed, done!.Status);
        var claims = (await cluster.Store.ListEventsAsync(submission.Id, CancellationToken.None)).Where(e => e.Kind == SubmissionEventKind.Claimed).ToList();
        var winner = claims[^1];
        Assert.StartsWith(b.Name, winner.SiloId, StringComparison.Ordinal);

        // a wakes up, finishes its (stale) run and tries to write: the fence refuses, and a stops itself.
        a.Resume();
        Assert.True(await a.WaitForExitAsync(Patience), "a silo declared dead stops");
        Assert.Equal(3, a.ExitCode);
        var events = await cluster.Store.ListEventsAsync(submission.Id, CancellationToken.None);
        var completed = Assert.Single(events, e => e.Kind == SubmissionEventKind.Completed);
        Assert.Equal(winner.SiloId, completed.SiloId);
        Assert.Equal(winner.Epoch, completed.Epoch);
        Assert.Equal(done.Result, (await cluster.Client.GetAsync(submission.Id))!.Result);
    }

    [Fact]
    public async Task PostgreSqlRestartUnderLoadLosesNothing()
    {
        var own = await PostgresServer.StartNewAsync();
        await using var _ = own;
        await using var cluster = await ClusterFixture.StartAsync(own);
        await Task.WhenAll(cluster.StartSiloAsync("a"), cluster.StartSiloAsync("b"));

        var submitted = await cluster.Client.SubmitBatchAsync(
            Enumerable.Range(0, 40).Select(i => ClusterFixture.Python($"import time\ntime.sleep(0.3)\nprint({i})")).ToList());
        await Eventually.True(async () => (await cluster.Client.GetAsync(submitted[5].Id))!.Status != SubmissionStatus.Queued, Patience, "work started");
        await own.StopAsync();
        await own.StartAsync();

        var results = await cluster.WaitAllAsync(submitted.Select(s => s.Id), Patience);
        Assert.All(results.Select((r, i) => (r, i)), x => Assert.Equal($"{x.i}\n", x.r.Result!.Stdout));
        await cluster.AssertCompletedExactlyOnceAsync(submitted.Select(s => s.Id));
    }

    [Fact]
    public async Task SigtermDuringLoadLosesNothingAndLeavesNoContainer()
    {
        await using var cluster = await ClusterFixture.StartAsync(server);
        var silos = await Task.WhenAll(cluster.StartSiloAsync("a"), cluster.StartSiloAsync("b"));
        var leaving = silos[0];

        var submitted = await cluster.Client.SubmitBatchAsync(
            Enumerable.Range(0, 30).Select(i => ClusterFixture.Python($"import time\ntime.sleep(0.5)\nprint({i})")).ToList());
        await Eventually.True(async () => await RunningOnAsync(cluster, submitted, leaving) > 0, Patience, "the leaving silo runs something");
        leaving.Terminate();

        Assert.True(await leaving.WaitForExitAsync(Patience), "the silo exits after draining");
        Assert.Equal(0, leaving.ExitCode);
        Assert.Empty(await cluster.ContainersOfAsync(leaving));
        var results = await cluster.WaitAllAsync(submitted.Select(s => s.Id), Patience);
        Assert.All(results.Select((r, i) => (r, i)), x => Assert.Equal($"{x.i}\n", x.r.Result!.Stdout));
        await cluster.AssertCompletedExactlyOnceAsync(submitted.Select(s => s.Id));
        var silo = (await cluster.Store.ListSilosAsync(CancellationToken.None)).Single(s => s.SiloName == leaving.Name);
        Assert.Equal(SiloStatus.Left, silo.Status);
    }

    [Fact]
    public async Task ClientCancelsQueuedAndRunningSubmissionsAndRepeatsAreIdempotent()
    {
        await using var cluster = await ClusterFixture.StartAsync(server);
        var silo = await cluster.StartSiloAsync("a");

        // A long wall limit: the cancel, not the limit, must be what ends it, however loaded the machine.
        var sleeper = ClusterFixture.Python("import time\nprint('started', flush=True)\ntime.sleep(60)");
        var running = await cluster.Client.SubmitAsync(sleeper with
        {
            Run = sleeper.Run with { Limits = new ResourceLimits(WallTimeMs: 30_000) },
            IdempotencyKey = "long-one",
        });
        var again = await cluster.Client.SubmitAsync(ClusterFixture.Python("print('another program')") with { IdempotencyKey = "long-one" });
        Assert.Equal(running.Id, again.Id);
        await Eventually.True(async () => await RunningOnAsync(cluster, [running], silo) == 1, Patience, "it runs");

        Assert.Equal(CancelStatus.Requested, await cluster.Client.CancelAsync(running.Id));
        var cancelled = await cluster.Client.WaitAsync(running.Id, TimeSpan.FromSeconds(30));
        Assert.Equal(SubmissionStatus.Completed, cancelled!.Status);
        Assert.Equal(Verdict.Cancelled, cancelled.Result!.Verdict);
        Assert.Equal(CancelStatus.AlreadyCompleted, await cluster.Client.CancelAsync(running.Id));
        Assert.Equal(CancelStatus.NotFound, await cluster.Client.CancelAsync(Guid.NewGuid()));

        // The sandbox it ran in is usable again: the program was killed, not just abandoned.
        var next = await cluster.Client.SubmitAsync(ClusterFixture.Python("print('next')"));
        Assert.Equal("next\n", (await cluster.Client.WaitAsync(next.Id, Patience))!.Result!.Stdout);
    }

    private static async Task<int> RunningOnAsync(ClusterFixture cluster, IEnumerable<Submission> submissions, SiloProcess silo)
    {
        var count = 0;
        foreach (var s in submissions)
        {
            var record = await cluster.Store.GetAsync(s.Id, CancellationToken.None);
            if (record is { Status: SubmissionStatus.Running } && record.Owner!.StartsWith(silo.Name + "@", StringComparison.Ordinal))
                count++;
        }
        return count;
    }
}
