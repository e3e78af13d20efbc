using CodeRunner.Storage.PostgreSql;
using CodeRunner.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Microsoft.Extensions.Options;

namespace CodeRunner.Storage.Tests;

/// <summary>The contract on PostgreSQL (a private server for this class), and what only PostgreSQL does: migrations raced by silos starting together, and outages.</summary>
public sealed class PostgreSqlClusterStoreTests(PostgresDatabase database) : ClusterStoreContractTests, IClassFixture<PostgresDatabase>
{
    protected override bool NotifiesAcrossInstances => true;

    protected override Task<IClusterStore> CreateStoreAsync(string clusterId) =>
        Task.FromResult<IClusterStore>(Open(database.ConnectionString, clusterId));

    private static PostgreSqlClusterStore Open(string connectionString, string clusterId) => new(
        Options.Create(new StoreOptions { ConnectionString = connectionString, ClusterId = clusterId }),
        NullLogger<PostgreSqlClusterStore>.Instance);

    [Fact]
    public async Task FiveSilosStartingTogetherOnAFreshDatabaseMigrateItOnce()
    {
        var fresh = await database.Server.CreateDatabaseAsync();
        var stores = Enumerable.Range(0, 5).Select(i => Open(fresh, $"{ClusterId}-{i}")).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.JoinAsync(new SiloRegistration("silo", "node", "127.0.0.1:1"), Ct))));
        }
        finally
        {
            foreach (var store in stores)
                await store.DisposeAsync();
        }

        await using var connection = new NpgsqlConnection(fresh);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var applied = new List<int>();
        while (await reader.ReadAsync(Ct))
            applied.Add(reader.GetInt32(0));
        Assert.Equal(EmbeddedMigrations.Load("PostgreSql").Select(m => m.Version), applied); // each migration once, in order
    }

    [Fact]
    public async Task AfterAServerCrashOneCommandAtMostFailsNotOnePerPooledConnection()
    {
        await using var server = await PostgresServer.StartNewAsync(Ct);
        var connectionString = await server.CreateDatabaseAsync(ct: Ct);
        await using var store = Open(connectionString, ClusterId);
        const int pooled = 4;
        await Task.WhenAll(Enumerable.Range(0, pooled).Select(_ => store.ListSilosAsync(Ct))); // four idle connections in the pool

        await server.CrashAsync(Ct);
        await server.StartAsync(Ct);

        var failures = 0;
        for (var i = 0; i < pooled; i++)
        {
            try
            {
                await store.ListSilosAsync(Ct);
            }
            catch (NpgsqlException)
            {
                failures++; // the connection that found the crash; the pool's others are dropped with it
            }
        }
        Assert.InRange(failures, 0, 1);
    }

    [Fact]
    public async Task ASubscriptionAndTheStoreSurviveAServerRestart()
    {
        await using var server = await PostgresServer.StartNewAsync(Ct);
        var connectionString = await server.CreateDatabaseAsync(ct: Ct);
        await using var store = Open(connectionString, ClusterId);
        // A second store with a warm pool and no subscription: nothing tells it of the restart.
        await using var quiet = Open(connectionString, ClusterId);
        var silo = await JoinAsync(store);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => quiet.ListSilosAsync(Ct)));
        var listener = new RecordingListener();
        await using var subscription = await store.SubscribeAsync(listener, silo, Ct);
        await store.WakeAsync(silo, "before", Ct);
        await Eventually.True(() => listener.Wakes.Contains("before"), Eventually.Soon, "a wake before the restart");

        await server.StopAsync(Ct);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.HeartbeatAsync(silo, SiloLoad.Empty, Ct));
        await server.StartAsync(Ct);

        Assert.True(await quiet.HeartbeatAsync(silo, SiloLoad.Empty, Ct));
        await Eventually.True(() => listener.Reconnects > 0, TimeSpan.FromSeconds(30), "the subscription reconnects");
        Assert.True(await store.HeartbeatAsync(silo, SiloLoad.Empty, Ct));
        await store.WakeAsync(silo, "after", Ct);
        await Eventually.True(() => listener.Wakes.Contains("after"), Eventually.Soon, "a wake after the restart");
        Assert.Equal(1, listener.Reconnects);
    }
}
