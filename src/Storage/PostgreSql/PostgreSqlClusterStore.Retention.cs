using NpgsqlTypes;

namespace CodeRunner.Storage.PostgreSql;

// Retention: completed submissions do not stay forever.
public sealed partial class PostgreSqlClusterStore
{
    public Task<int> PurgeCompletedAsync(TimeSpan olderThan, int max, CancellationToken ct) =>
        RunAsync(async (connection, token) =>
        {
            // SKIP LOCKED: silos sweeping at the same moment take different rows instead of queueing
            // behind each other; a locking CTE is evaluated once (an IN subquery with LIMIT may not be).
            // Events go by ON DELETE CASCADE.
            await using var command = Command(
                """
                WITH doomed AS (
                    SELECT id FROM submissions
                    WHERE cluster_id = @cluster AND status = 'Completed' AND completed_at < now() - @age
                    ORDER BY completed_at
                    LIMIT @max
                    FOR UPDATE SKIP LOCKED)
                DELETE FROM submissions s USING doomed WHERE s.cluster_id = @cluster AND s.id = doomed.id
                """, connection);
            command.Parameters.AddWithValue("age", NpgsqlDbType.Interval, olderThan);
            command.Parameters.AddWithValue("max", max);
            return await command.ExecuteNonQueryAsync(token);
        }, ct);
}
