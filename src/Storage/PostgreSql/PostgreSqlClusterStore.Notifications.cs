using Npgsql;

namespace CodeRunner.Storage.PostgreSql;

// Queue depth, history, and notifications.
public sealed partial class PostgreSqlClusterStore
{
    public Task<IReadOnlyDictionary<string, int>> CountQueuedAsync(CancellationToken ct) =>
        RunAsync<IReadOnlyDictionary<string, int>>(async (connection, token) =>
        {
            // Reads the partial index of queued rows only (see 0001_initial.sql), like KEDA's scaler does.
            await using var command = Command(
                "SELECT language, count(*)::integer FROM submissions WHERE cluster_id = @cluster AND status = 'Queued' GROUP BY language",
                connection);
            var rows = await PostgreSqlRows.ReadAllAsync(command, r => (Language: r.GetString(0), Count: r.GetInt32(1)), token);
            return rows.ToDictionary(r => r.Language, r => r.Count);
        }, ct);

    public Task<int> CountActiveAsync(string submitter, CancellationToken ct) =>
        RunAsync(async (connection, token) =>
        {
            await using var command = Command(
                "SELECT count(*)::integer FROM submissions WHERE cluster_id = @cluster AND submitter = @submitter AND status <> 'Completed'", connection);
            command.Parameters.AddWithValue("submitter", submitter);
            return (int)(await command.ExecuteScalarAsync(token))!;
        }, ct);

    public Task RecordCallbackAsync(Guid id, string? siloId, string detail, CancellationToken ct) =>
        RunAsync(async (connection, token) =>
        {
            await using var command = Command(
                """
                INSERT INTO submission_events (cluster_id, submission_id, kind, silo_id, epoch, detail)
                SELECT @cluster, id, 'Callback', @silo, epoch, @detail FROM submissions WHERE cluster_id = @cluster AND id = @id
                """, connection);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("silo", NpgsqlTypes.NpgsqlDbType.Text, (object?)siloId ?? DBNull.Value);
            command.Parameters.AddWithValue("detail", detail);
            return await command.ExecuteNonQueryAsync(token);
        }, ct);

    public Task<IReadOnlyList<SubmissionEvent>> ListEventsAsync(Guid id, CancellationToken ct) =>
        RunAsync<IReadOnlyList<SubmissionEvent>>(async (connection, token) =>
        {
            await using var command = Command(
                $"SELECT {PostgreSqlRows.EventColumns} FROM submission_events WHERE cluster_id = @cluster AND submission_id = @id ORDER BY seq",
                connection);
            command.Parameters.AddWithValue("id", id);
            return await PostgreSqlRows.ReadAllAsync(command, PostgreSqlRows.Event, token);
        }, ct);

    public Task WakeAsync(string siloId, string language, CancellationToken ct) =>
        RunAsync(async (connection, token) =>
        {
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @language)", connection);
            command.Parameters.AddWithValue("channel", NotificationChannels.Wake(_clusterId, siloId));
            command.Parameters.AddWithValue("language", language);
            await command.ExecuteNonQueryAsync(token);
            return true;
        }, ct);

    public async Task<IAsyncDisposable> SubscribeAsync(IClusterListener listener, string? siloId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var subscription = new PostgreSqlSubscription(_dataSource, listener,
            siloId is null ? null : NotificationChannels.Wake(_clusterId, siloId),
            siloId is null ? null : NotificationChannels.Cancel(_clusterId, siloId),
            _logger, s => _subscriptions.TryRemove(s, out _));
        await subscription.StartAsync(ct);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }
}
