namespace CodeRunner.Storage.Sqlite;

// Operations: what the dashboard reads, and operators' settings.
public sealed partial class SqliteClusterStore
{
    // The verdict is read from the stored result (see the PostgreSQL store for why).
    private const string SubmissionFilter =
        """
        cluster_id = $cluster
        AND ($language IS NULL OR language = $language)
        AND ($verdict IS NULL OR json_extract(result, '$.verdict') = $verdict)
        AND ($silo IS NULL OR owner = $silo)
        AND ($status IS NULL OR status = $status)
        """;

    public Task<SubmissionPage> ListSubmissionsAsync(SubmissionQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        return RunAsync((transaction, _) =>
        {
            using var page = Command(transaction,
                $"""
                SELECT {SqliteRows.SubmissionColumns} FROM submissions WHERE {SubmissionFilter}
                ORDER BY created_at DESC, seq DESC LIMIT $limit OFFSET $offset
                """);
            using var count = Command(transaction, $"SELECT count(*) FROM submissions WHERE {SubmissionFilter}");
            foreach (var command in new[] { page, count })
            {
                command.Parameters.AddWithValue("$language", (object?)query.Language ?? DBNull.Value);
                command.Parameters.AddWithValue("$verdict", (object?)query.Verdict ?? DBNull.Value);
                command.Parameters.AddWithValue("$silo", (object?)query.SiloId ?? DBNull.Value);
                command.Parameters.AddWithValue("$status", (object?)query.Status?.ToString() ?? DBNull.Value);
            }
            page.Parameters.AddWithValue("$offset", Math.Max(0, query.Offset));
            page.Parameters.AddWithValue("$limit", Math.Max(1, query.Limit));
            var items = SqliteRows.ReadAll(page, SqliteRows.Submission);
            return new SubmissionPage(items, Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }, ct);
    }

    public Task<IReadOnlyList<CompletedTiming>> ListCompletedAsync(TimeSpan window, int max, CancellationToken ct) =>
        RunAsync<IReadOnlyList<CompletedTiming>>((transaction, _) =>
        {
            using var command = Command(transaction,
                """
                SELECT language, json_extract(result, '$.verdict'), owner, completed_at, started_at - created_at, completed_at - started_at
                FROM submissions
                WHERE cluster_id = $cluster AND status = 'Completed' AND completed_at > $since
                ORDER BY completed_at DESC LIMIT $max
                """);
            command.Parameters.AddWithValue("$since", SqliteRows.Ticks(Now - window));
            command.Parameters.AddWithValue("$max", Math.Max(0, max));
            return SqliteRows.ReadAll(command, r => new CompletedTiming(
                r.GetString(0),
                r.IsDBNull(1) ? null : r.GetString(1),
                r.IsDBNull(2) ? null : r.GetString(2),
                SqliteRows.Time(r.GetInt64(3)),
                r.IsDBNull(4) ? null : TimeSpan.FromTicks(r.GetInt64(4)),
                r.IsDBNull(5) ? null : TimeSpan.FromTicks(r.GetInt64(5))));
        }, ct);

    public Task<IReadOnlyList<DateTimeOffset>> ListAcceptedAsync(TimeSpan window, int max, CancellationToken ct) =>
        RunAsync<IReadOnlyList<DateTimeOffset>>((transaction, _) =>
        {
            using var command = Command(transaction,
                """
                SELECT created_at FROM submissions
                WHERE cluster_id = $cluster AND created_at > $since
                ORDER BY created_at DESC LIMIT $max
                """);
            command.Parameters.AddWithValue("$since", SqliteRows.Ticks(Now - window));
            command.Parameters.AddWithValue("$max", Math.Max(0, max));
            return SqliteRows.ReadAll(command, r => SqliteRows.Time(r.GetInt64(0)));
        }, ct);

    public Task<IReadOnlyDictionary<string, string>> GetSettingsAsync(CancellationToken ct) =>
        RunAsync<IReadOnlyDictionary<string, string>>((transaction, _) =>
        {
            using var command = Command(transaction, "SELECT key, value FROM cluster_settings WHERE cluster_id = $cluster");
            return SqliteRows.ReadAll(command, r => (Key: r.GetString(0), Value: r.GetString(1))).ToDictionary(r => r.Key, r => r.Value);
        }, ct);

    public Task SetSettingAsync(string key, string? value, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return RunAsync((transaction, _) =>
        {
            using var command = Command(transaction, value is null
                ? "DELETE FROM cluster_settings WHERE cluster_id = $cluster AND key = $key"
                : """
                  INSERT INTO cluster_settings (cluster_id, key, value, updated_at) VALUES ($cluster, $key, $value, $now)
                  ON CONFLICT (cluster_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                  """);
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$value", (object?)value ?? DBNull.Value);
            command.Parameters.AddWithValue("$now", SqliteRows.Ticks(Now));
            return command.ExecuteNonQuery();
        }, ct);
    }
}
