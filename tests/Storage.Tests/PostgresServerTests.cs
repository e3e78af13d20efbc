using CodeRunner.Tests.Support;
using Npgsql;

namespace CodeRunner.Storage.Tests;

/// <summary>The test fixture itself: private servers side by side, never the host's.</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public async Task ServersStartedTogetherEachServeTheirOwnDatabasesAndLeaveNothingBehind()
    {
        var servers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostgresServer.StartNewAsync()));
        var directories = servers.Select(s => s.Directory).ToList();
        try
        {
            Assert.Equal(3, servers.Select(s => s.Port).Distinct().Count());
            Assert.DoesNotContain(5432, servers.Select(s => s.Port));
            foreach (var server in servers)
            {
                await using var connection = new NpgsqlConnection(await server.CreateDatabaseAsync());
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT current_setting('data_directory')", connection);
                Assert.StartsWith(server.Directory, (string)(await command.ExecuteScalarAsync())!, StringComparison.Ordinal);
            }
        }
        finally
        {
            foreach (var server in servers)
                await server.DisposeAsync();
        }

        Assert.All(directories, d => Assert.False(Directory.Exists(d)));
    }
}
