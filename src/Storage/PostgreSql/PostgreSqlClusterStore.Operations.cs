using NpgsqlTypes;

namespace CodeRunner.Storage.PostgreSql;

// Operations: what the dashboard reads, and operators' settings.
public sealed partial class PostgreSqlClusterStore
{
    // The verdict is read from the stored result rather than a column of its own: every path that
    // completes a submission (complete, cancel, recover) already writes the result, and none has to change.
    private const string SubmissionFilter =
        """
        cluster_id = @cluster
        AND (@language IS NULL OR language = @language)
        AND (@verdict IS NULL OR result->>'verdict' = @verdict)
        AND (@silo IS NULL OR owner = @silo)
        AND (@status IS NULL OR status = @status)
        """;

    public Task<SubmissionPage> ListSubmissionsAsync(SubmissionQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        return RunAsync(async (connection, token) =>
        {
            await using var batch = new Npgsql.NpgsqlBatch(connection);
            var page = new Npgsql.NpgsqlBatchCommand(
                $"""
                SELECT {PostgreSqlRows.SubmissionColumns} FROM submissions WHERE {SubmissionFilter}
                ORDER BY created_at DESC, seq DESC OFFSET @offset LIMIT @limit
                """);
            var count = new Npgsql.NpgsqlBatchCommand($"SELECT count(*)::integer FROM submissions WHERE {SubmissionFilter}");
            foreach (var command in new[] { page, count })
            {
                command.Parameters.AddWithValue("cluster", _clusterId);
                command.Parameters.AddWithValue("language", NpgsqlDbType.Text, (object?)query.Language ?? DBNull.Value);
                command.Parameters.AddWithValue("verdict", NpgsqlDbType.Text, (object?)query.Verdict ?? DBNull.Value);
                command.Parameters.AddWithValue("silo", NpgsqlDbType.Text, (object?)query.SiloId ?? DBNull.Value);
                command.Parameters.AddWithValue("status", NpgsqlDbType.Text, (object?)query.Status?.ToString() ?? DBNull.Value);
                batch.BatchCommands.Add(command);
            }
            page.Parameters.AddWithValue("offset", Math.Max(0, query.Offset));
            page.Parameters.AddWithValue("limit", Math.Max(1, query.Limit));
            await using var reader = await batch.ExecuteReaderAsync(token);
            var items = new List<SubmissionRecord>();
            while (await reader.ReadAsync(token))
                items.Add(PostgreSqlRows.Submission(reader));
            await reader.NextResultAsync(token);
            await reader.ReadAsync(token);
            return new SubmissionPage(items, reader.GetInt32(0));
        }, ct);
    }

    public Task<IReadOnlyList<CompletedTiming>> ListCompletedAsync(TimeSpan window, int max, CancellationToken ct) =>
        RunAsync<IReadOnlyList<CompletedTiming>>(async (connection, token) =>
        {
            await using var command = Command(
                """
                SELECT language, result->>'verdict', owner, completed_at, started_at - created_at, completed_at - started_at
                FROM submissions
                WHERE cluster_id = @cluster AND status = 'Completed' AND completed_at > now() - @window
                ORDER BY completed_at DESC LIMIT @max
                """, connection);
            command.Parameters.AddWithValue("window", window);
            command.Parameters.AddWithValue("max", Math.Max(0, max));
            return await PostgreSqlRows.ReadAllAsync(command, r => new CompletedTiming(
                r.GetString(0),
                r.IsDBNull(1) ? null : r.GetString(1),
                r.IsDBNull(2) ? null : r.GetString(2),
                r.GetFieldValue<DateTimeOffset>(3),
                r.IsDBNull(4) ? null : r.GetFieldValue<TimeSpan>(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<TimeSpan>(5)), token);
        }, ct);

    public Task<IReadOnlyList<DateTimeOffset>> ListAcceptedAsync(TimeSpan window, int max, CancellationToken ct) =>
        RunAsync<IReadOnlyList<DateTimeOffset>>(async (connection, token) =>
        {
            // Reads the submissions_recent index (0004): the newest rows only.
            await using var command = Command(
                """
                SELECT created_at FROM submissions
                WHERE cluster_id = @cluster AND created_at > now() - @window
                ORDER BY created_at DESC LIMIT @max
                """, connection);
            command.Parameters.AddWithValue("window", window);
            command.Parameters.AddWithValue("max", Math.Max(0, max));
            return await PostgreSqlRows.ReadAllAsync(command, r => r.GetFieldValue<DateTimeOffset>(0), token);
        }, ct);

    public Task<IReadOnlyDictionary<string, string>> GetSettingsAsync(CancellationToken ct) =>
        RunAsync<IReadOnlyDictionary<string, string>>(async (connection, token) =>
        {
            await using var command = Command("SELECT key, value FROM cluster_settings WHERE cluster_id = @cluster", connection);
            var rows = await PostgreSqlRows.ReadAllAsync(command, r => (Key: r.GetString(0), Value: r.GetString(1)), token);
            return rows.ToDictionary(r => r.Key, r => r.Value);
        }, ct);

    public Task SetSettingAsync(string key, string? value, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return RunAsync(async (connection, token) =>
        {
            await using var command = Command(value is null
                ? "DELETE FROM cluster_settings WHERE cluster_id = @cluster AND key = @key"
                : """
                  INSERT INTO cluster_settings (cluster_id, key, value) VALUES (@cluster, @key, @value)
                  ON CONFLICT (cluster_id, key) DO UPDATE SET value = excluded.value, updated_at = now()
                  """, connection);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("value", NpgsqlDbType.Text, (object?)value ?? DBNull.Value);
            return await command.ExecuteNonQueryAsync(token);
        }, ct);
    }
}
