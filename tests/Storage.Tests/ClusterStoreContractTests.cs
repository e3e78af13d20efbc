using System.Text.Json;
using CodeRunner.Runs;
using CodeRunner.Tests.Support;

namespace CodeRunner.Storage.Tests;

/// <summary>
/// The contract of <see cref="IClusterStore"/>, which every store passes (Orleans' way: one test
/// base, one derived class per provider). Each test runs on a cluster id of its own (and the
/// SQLite tests on a file of their own), so tests never see each other's rows. The tests are
/// grouped by concern in the partial files next to this one.
/// </summary>
public abstract partial class ClusterStoreContractTests : IAsyncLifetime, IDisposable
{
    /// <summary>How old a heartbeat must be for the tests to call it stale; waited for on the store's clock.</summary>
    protected static readonly TimeSpan Stale = TimeSpan.FromMilliseconds(50);

    private readonly List<IAsyncDisposable> _disposables = [];
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    protected string ClusterId { get; } = $"test-{Guid.NewGuid():N}";

    protected IClusterStore Store { get; private set; } = null!;

    /// <summary>A deadline for every call of a test, so a hang fails the test instead of the run.</summary>
    protected CancellationToken Ct => _timeout.Token;

    /// <summary>A new store instance on this test's database or file, scoped to <paramref name="clusterId"/>.</summary>
    protected abstract Task<IClusterStore> CreateStoreAsync(string clusterId);

    public virtual async Task InitializeAsync() => Store = await OpenStoreAsync(ClusterId);

    public virtual async Task DisposeAsync()
    {
        for (var i = _disposables.Count - 1; i >= 0; i--)
            await _disposables[i].DisposeAsync();
    }

    public void Dispose()
    {
        _timeout.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Another store instance (as another process would have), disposed with the test.</summary>
    protected async Task<IClusterStore> OpenStoreAsync(string clusterId)
    {
        var store = await CreateStoreAsync(clusterId);
        _disposables.Add((IAsyncDisposable)store);
        return store;
    }

    protected async Task<RecordingListener> SubscribeAsync(string? siloId, IClusterStore? store = null)
    {
        var listener = new RecordingListener();
        _disposables.Add(await (store ?? Store).SubscribeAsync(listener, siloId, Ct));
        return listener;
    }

    protected async Task<string> JoinAsync(IClusterStore? store = null)
    {
        var id = $"silo-{Guid.NewGuid():N}";
        await (store ?? Store).JoinAsync(new SiloRegistration(id, $"node-{id[5..13]}", "127.0.0.1:11111"), Ct);
        return id;
    }

    protected static NewSubmission Submission(string language = "python", int priority = 0, string? key = null) =>
        new(Guid.NewGuid(), new RunRequest(language, [new SourceFile("main", "print(42)")]), priority, key);

    protected async Task<SubmissionRecord> EnqueueAsync(string language = "python", int priority = 0) =>
        (await Store.EnqueueAsync(Submission(language, priority), Ct)).Submission;

    /// <summary>Enqueues one submission and has <paramref name="siloId"/> claim it.</summary>
    protected async Task<SubmissionRecord> ClaimOneAsync(string siloId, string language = "python")
    {
        var queued = await EnqueueAsync(language);
        var claimed = Assert.Single(await Store.ClaimAsync(siloId, language, 1, Ct));
        Assert.Equal(queued.Id, claimed.Id);
        return claimed;
    }

    protected static RunResult Result(Verdict verdict = Verdict.Accepted, string stdout = "42\n") =>
        new(verdict, stdout, "", null, 0, null, 12, 10, 1 << 20, false, false, ContentEncoding.Utf8);

    protected async Task<SubmissionRecord> GetAsync(Guid id) =>
        await Store.GetAsync(id, Ct) ?? throw new InvalidOperationException($"Submission {id} is missing.");

    protected async Task<SiloRecord> SiloAsync(string siloId) =>
        (await Store.ListSilosAsync(Ct)).Single(s => s.SiloId == siloId);

    /// <summary>Waits, on the store's own clock, until the silo's heartbeat is older than <paramref name="age"/>.</summary>
    protected Task WaitUntilStaleAsync(string siloId, TimeSpan age) =>
        Eventually.True(async () => (await SiloAsync(siloId)).HeartbeatAge > age, Eventually.Soon, $"silo {siloId} is stale");

    /// <summary>Declares a silo dead as a peer would: once its heartbeat is stale.</summary>
    protected async Task DeclareDeadAsync(string siloId)
    {
        await WaitUntilStaleAsync(siloId, Stale);
        Assert.True(await Store.DeclareDeadAsync(siloId, Stale, Ct));
    }

    protected static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
