using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CodeRunner.Storage.Sqlite;

/// <summary>
/// Applies the numbered migrations that the file lacks, recorded in <c>schema_migrations</c>. One
/// IMMEDIATE transaction holds the file's write lock throughout, so two processes opening the same
/// file at once migrate it once (SQLite's DDL is transactional).
/// </summary>
internal static class SqliteMigrator
{
    public static void Apply(SqliteConnection connection, ILogger logger)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT    NOT NULL,
                applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            )
            """;
        command.ExecuteNonQuery();

        var applied = new HashSet<long>();
        command.CommandText = "SELECT version FROM schema_migrations";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                applied.Add(reader.GetInt64(0));
        }

        var done = new List<string>();
        foreach (var migration in EmbeddedMigrations.Load("Sqlite").Where(m => !applied.Contains(m.Version)))
        {
            command.CommandText = migration.Sql;
            command.ExecuteNonQuery();
            command.CommandText = "INSERT INTO schema_migrations (version, name) VALUES ($version, $name)";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$version", migration.Version);
            command.Parameters.AddWithValue("$name", migration.Name);
            command.ExecuteNonQuery();
            command.Parameters.Clear();
            done.Add(migration.Name);
        }
        transaction.Commit();
        foreach (var name in done)
            StorageLog.MigrationApplied(logger, "Sqlite", name);
    }
}
