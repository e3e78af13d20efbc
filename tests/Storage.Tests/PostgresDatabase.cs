using CodeRunner.Tests.Support;

namespace CodeRunner.Storage.Tests;

/// <summary>A private PostgreSQL server with one database, shared by a test class (its tests use distinct cluster ids).</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public PostgresServer Server { get; } = new();

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Server).InitializeAsync();
        ConnectionString = await Server.CreateDatabaseAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Server).DisposeAsync();
}
