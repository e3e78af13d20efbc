namespace CodeRunner.Storage.Sqlite;

// Queue depth, history, and notifications.
public sealed partial class SqliteClusterStore
{
    public Task<IReadOnlyDictionary<string, int>> CountQueuedAsync(CancellationToken ct) =>
        RunAsync<IReadOnlyDictionary<string, int>>((transaction, _) =>
        {
            using var command = Command(transaction,
                "SELECT language, count(*) FROM submissions WHERE cluster_id = $cluster AND status = 'Queued' GROUP BY language");
            return SqliteRows.ReadAll(command, r => (Language: r.GetString(0), Count: r.GetInt32(1)))
                .ToDictionary(r => r.Language, r => r.Count);
        }, ct);

    public Task<int> CountActiveAsync(string submitter, CancellationToken ct) =>
        RunAsync((transaction, _) =>
        {
            using var command = Command(transaction,
                "SELECT count(*) FROM submissions WHERE cluster_id = $cluster AND submitter = $submitter AND status <> 'Completed'");
            command.Parameters.AddWithValue("$submitter", submitter);
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }, ct);

    public Task RecordCallbackAsync(Guid id, string? siloId, string detail, CancellationToken ct) =>
        RunAsync((transaction, _) =>
        {
            using var epoch = Command(transaction, "SELECT epoch FROM submissions WHERE cluster_id = $cluster AND id = $id");
            epoch.Parameters.AddWithValue("$id", id.ToString());
            if (epoch.ExecuteScalar() is long current)
                AddEvent(transaction, id, SubmissionEventKind.Callback, siloId, current, detail);
            return true;
        }, ct);

    public Task<IReadOnlyList<SubmissionEvent>> ListEventsAsync(Guid id, CancellationToken ct) =>
        RunAsync<IReadOnlyList<SubmissionEvent>>((transaction, _) =>
        {
            using var command = Command(transaction,
                $"SELECT {SqliteRows.EventColumns} FROM submission_events WHERE cluster_id = $cluster AND submission_id = $id ORDER BY seq");
            command.Parameters.AddWithValue("$id", id.ToString());
            return SqliteRows.ReadAll(command, SqliteRows.Event);
        }, ct);

    public Task WakeAsync(string siloId, string language, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _notifier.Publish(InProcessNotification.Wake(siloId, language));
        return Task.CompletedTask;
    }

    public Task<IAsyncDisposable> SubscribeAsync(IClusterListener listener, string? siloId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Task.FromResult<IAsyncDisposable>(_notifier.Subscribe(listener, siloId));
    }
}
