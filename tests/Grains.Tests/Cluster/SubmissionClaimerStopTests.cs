using System.Reflection;
using System.Runtime.ExceptionServices;
using CodeRunner.Cluster;
using CodeRunner.Membership;
using CodeRunner.Runs;
using CodeRunner.Storage;
using CodeRunner.Storage.Sqlite;
using CodeRunner.Submissions;
using CodeRunner.Tests.Support;
using CodeRunner.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CodeRunner.Tests.Cluster;

/// <summary>The claimer's stop against the embedded store, with a runner that only counts.</summary>
public sealed class SubmissionClaimerStopTests : IDisposable
{
    private const string Language = "python";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"coderun-claimer-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AStopWaitsForTheClaimInFlightAndDrainsWhatItTook()
    {
        // The silo's sandboxes are removed right after the claimer stops: a run that starts or
        // goes on past that point fails (a SIGTERM under load ended two submissions InternalError,
        // "no sandbox pool", this way). So the stop must hold for a claim whose query has
        // committed but whose grains are not started yet.
        await using var sqlite = new SqliteClusterStore(
            Options.Create(new StoreOptions { EmbeddedPath = Path.Combine(_directory, "coderun.db") }), NullLogger<SqliteClusterStore>.Instance);
        var store = HeldClaims.Wrap(sqlite);
        var held = (HeldClaims)(object)store;
        var identity = new SiloIdentity(Options.Create(new SiloOptions { SiloName = "stopping" }));
        await store.JoinAsync(new SiloRegistration(identity.SiloId, identity.SiloName, identity.Address), CancellationToken.None);
        var runner = new CountingRunner();
        var options = Options.Create(new SubmissionOptions { ClaimPollInterval = TimeSpan.FromHours(1) });
        var claimer = new SubmissionClaimer(store, identity, runner, runner, options, NullLoggerFactory.Instance, TimeProvider.System,
            new WebhookSender(store, Options.Create(new WebhookOptions()), NullLogger<WebhookSender>.Instance, TimeProvider.System));
        var (submission, _) = await store.EnqueueAsync(new NewSubmission(Guid.NewGuid(), new RunRequest(Language, [new SourceFile("main.py", "print(1)")])), CancellationToken.None);
        await claimer.StartAsync(CancellationToken.None);

        await held.Claimed.Task.WaitAsync(TimeSpan.FromSeconds(30)); // committed, not yet returned
        var stopping = claimer.StopAsync(CancellationToken.None);
        await Eventually.True(() => claimer.IsDraining, TimeSpan.FromSeconds(10), "the stop began");
        held.Return.SetResult();
        await stopping;
        runner.Stopped = true;

        Assert.Equal(0, runner.Active); // nothing runs on past the stop
        await Eventually.True(async () => (await store.GetAsync(submission.Id, CancellationToken.None))!.Status != SubmissionStatus.Running,
            TimeSpan.FromSeconds(10), "the submission left Running");
        Assert.False(runner.StartedAfterStop, "a run started after the claimer had stopped");
        Assert.Equal(SubmissionStatus.Completed, (await store.GetAsync(submission.Id, CancellationToken.None))!.Status);
        Assert.Equal(1, runner.Runs);
    }

    /// <summary>A silo of one Python slot whose runs take 200 ms and are counted.</summary>
    private sealed class CountingRunner : ISiloCapacity, ISubmissionRunner
    {
        private int _active;
        private int _runs;

        public volatile bool Stopped;

        public bool StartedAfterStop { get; private set; }

        public int Active => Volatile.Read(ref _active);

        public int Runs => Volatile.Read(ref _runs);

        public Task Ready => Task.CompletedTask;

        public IReadOnlyCollection<string> Languages => [Language];

        public int Slots(string language) => language == Language ? 1 : 0;

        public SiloLoad Load() => SiloLoad.Empty;

        public async Task<RunResult> RunAsync(RunRequest request, CancellationToken ct)
        {
            StartedAfterStop |= Stopped;
            Interlocked.Increment(ref _runs);
            Interlocked.Increment(ref _active);
            try
            {
                await Task.Delay(200, ct); // the run's work
                return RunResult.WithoutOutput(Verdict.Accepted, ContentEncoding.Utf8, "");
            }
            finally
            {
                Interlocked.Decrement(ref _active);
            }
        }
    }
}

/// <summary>
/// A store whose first claim that takes something commits, then holds its answer until
/// <see cref="Return"/>: a claim in flight, at a moment the test chooses. Everything else goes
/// straight to the store it wraps.
/// </summary>
public class HeldClaims : DispatchProxy
{
    private IClusterStore _inner = null!;

    public TaskCompletionSource Claimed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Return { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static IClusterStore Wrap(IClusterStore inner)
    {
        var store = Create<IClusterStore, HeldClaims>();
        ((HeldClaims)(object)store)._inner = inner;
        return store;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        if (method!.Name == nameof(IClusterStore.ClaimAsync))
            return HoldAsync((string)args![0]!, (string)args[1]!, (int)args[2]!, (CancellationToken)args[3]!);
        try
        {
            return method.Invoke(_inner, args);
        }
        catch (TargetInvocationException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerException!);
            throw;
        }
    }

    private async Task<IReadOnlyList<SubmissionRecord>> HoldAsync(string siloId, string language, int max, CancellationToken ct)
    {
        var claimed = await _inner.ClaimAsync(siloId, language, max, ct);
        if (claimed.Count > 0 && Claimed.TrySetResult())
            await Return.Task;
        return claimed;
    }
}
