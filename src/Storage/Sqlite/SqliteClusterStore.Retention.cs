namespace CodeRunner.Storage.Sqlite;

// Retention: completed submissions do not stay forever.
public sealed partial class SqliteClusterStore
{
    public Task<int> PurgeCompletedAsync(TimeSpan olderThan, int max, CancellationToken ct) =>
        RunAsync((transaction, _) =>
        {
            // Events go by ON DELETE CASCADE (foreign_keys is on for every connection).
            using var command = Command(transaction,
                """
                DELETE FROM submissions WHERE cluster_id = $cluster AND id IN (
                    SELECT id FROM submissions
                    WHERE cluster_id = $cluster AND status = 'Completed' AND completed_at < $before
                    ORDER BY completed_at
                    LIMIT $max)
                """);
            command.Parameters.AddWithValue("$before", SqliteRows.Ticks(Now - olderThan));
            command.Parameters.AddWithValue("$max", max);
            return command.ExecuteNonQuery();
        }, ct);
}
