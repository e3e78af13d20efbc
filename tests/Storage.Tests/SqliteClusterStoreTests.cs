using CodeRunner.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CodeRunner.Storage.Tests;

/// <summary>The contract on the embedded store, each test on a file of its own; and its durability.</summary>
public sealed class SqliteClusterStoreTests : ClusterStoreContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "coderun-sqlite-tests", Guid.NewGuid().ToString("N"));

    /// <summary>In a directory that does not exist yet: the store makes it.</summary>
    private string DatabasePath => Path.Combine(_directory, "data", "coderun.db");

    protected override bool NotifiesAcrossInstances => false;

    protected override Task<IClusterStore> CreateStoreAsync(string clusterId) => Task.FromResult<IClusterStore>(Open(clusterId));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    private SqliteClusterStore Open(string clusterId) => new(
        Options.Create(new StoreOptions { EmbeddedPath = DatabasePath, ClusterId = clusterId }),
        NullLogger<SqliteClusterStore>.Instance);

    [Fact]
    public async Task TheStoreCreatesItsDirectoryAndFileInWalMode()
    {
        Assert.False(File.Exists(DatabasePath));

        await Store.ListSilosAsync(Ct);

        Assert.True(File.Exists(DatabasePath));
        Assert.True(File.Exists(DatabasePath + "-wal"));
    }

    [Fact]
    public async Task EverythingSurvivesReopeningTheFile()
    {
        var silo = await JoinAsync();
        var done = await ClaimOneAsync(silo);
        Assert.True(await Store.CompleteAsync(done.Id, silo, done.Epoch, Result(), Ct));
        var queued = await EnqueueAsync("c", priority: 4);
        var before = (Done: await GetAsync(done.Id), Queued: await GetAsync(queued.Id), Events: await Store.ListEventsAsync(done.Id, Ct));
        await ((IAsyncDisposable)Store).DisposeAsync();

        await using var reopened = Open(ClusterId);

        Assert.Equal(silo, Assert.Single(await reopened.ListSilosAsync(Ct)).SiloId);
        Assert.Equal(Json(before.Done), Json(await reopened.GetAsync(done.Id, Ct)));
        Assert.Equal(Json(before.Queued), Json(await reopened.GetAsync(queued.Id, Ct)));
        Assert.Equal(Json(before.Events), Json(await reopened.ListEventsAsync(done.Id, Ct)));
        Assert.Equal(new Dictionary<string, int> { ["c"] = 1 }, await reopened.CountQueuedAsync(Ct));
        Assert.Equal(queued.Id, Assert.Single(await reopened.ClaimAsync(silo, "c", 1, Ct)).Id);
    }

    [Fact]
    public async Task ADisposedStoreRefusesWork()
    {
        await ((IAsyncDisposable)Store).DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => Store.ListSilosAsync(Ct));
    }
}
