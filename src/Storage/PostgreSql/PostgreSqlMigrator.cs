using Microsoft.Extensions.Logging;
using Npgsql;

namespace CodeRunner.Storage.PostgreSql;

/// <summary>
/// Applies the numbered migrations that the database lacks, each in its own transaction, recorded
/// in <c>schema_migrations</c>. Silos that start together all call this: a session-level
/// advisory lock lets one of them migrate while the others wait, and then find nothing to do.
/// The schema is shared by every cluster in the database, so it is not scoped by cluster.
/// </summary>
internal static class PostgreSqlMigrator
{
    /// <summary>"coderun" in ASCII: the advisory lock key, the same in every process.</summary>
    private const long LockKey = 0x63_6F_64_65_72_75_6E;

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }
        try
        {
            await using (var create = new NpgsqlCommand(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, connection))
                await create.ExecuteNonQueryAsync(ct);

            var applied = new HashSet<int>();
            await using (var select = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await select.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                    applied.Add(reader.GetInt32(0));
            }

            foreach (var migration in EmbeddedMigrations.Load("PostgreSql").Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await using (var apply = new NpgsqlCommand(migration.Sql, connection, transaction))
                    await apply.ExecuteNonQueryAsync(ct);
                await using (var record = new NpgsqlCommand(
                    "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", connection, transaction))
                {
                    record.Parameters.AddWithValue("version", migration.Version);
                    record.Parameters.AddWithValue("name", migration.Name);
                    await record.ExecuteNonQueryAsync(ct);
                }
                await transaction.CommitAsync(ct);
                StorageLog.MigrationApplied(logger, "PostgreSql", migration.Name);
            }
        }
        finally
        {
            // A session lock outlives the pooled connection's return to the pool: release it here.
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                unlock.Parameters.AddWithValue("key", LockKey);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }
}
