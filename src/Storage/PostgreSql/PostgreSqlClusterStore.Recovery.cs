using CodeRunner.Runs;
using Npgsql;
using NpgsqlTypes;

namespace CodeRunner.Storage.PostgreSql;

// Ending or requeuing what an owner can no longer finish: a dead silo's leases, and cancellation.
public sealed partial class PostgreSqlClusterStore
{
    public Task<int> RecoverAsync(string deadSiloId, int maxAttempts, CancellationToken ct) =>
        InTransactionAsync(async (connection, transaction, token) =>
        {
            // Only a silo that is out of the cluster loses its leases: recovering a live silo's work
            // would run it twice. A Dead silo claims nothing more (ClaimAsync checks), so what it
            // holds now is all it will ever hold; calling this again later finds nothing.
            await using (var status = Command(
                "SELECT status FROM silos WHERE cluster_id = @cluster AND silo_id = @silo", connection, transaction))
            {
                status.Parameters.AddWithValue("silo", deadSiloId);
                if (await status.ExecuteScalarAsync(token) is not (nameof(SiloStatus.Dead) or nameof(SiloStatus.Left)))
                    return 0;
            }

            // FOR UPDATE: a concurrent recovery of the same silo waits here, then finds these rows changed.
            List<SubmissionRecord> held;
            await using (var select = Command(
                $"""
                SELECT {PostgreSqlRows.SubmissionColumns} FROM submissions
                WHERE cluster_id = @cluster AND owner = @silo AND status = 'Running'
                ORDER BY seq
                FOR UPDATE
                """, connection, transaction))
            {
                select.Parameters.AddWithValue("silo", deadSiloId);
                held = await PostgreSqlRows.ReadAllAsync(select, PostgreSqlRows.Submission, token);
            }
            if (held.Count == 0)
                return 0;

            await using var batch = new NpgsqlBatch(connection, transaction);
            var ended = 0;
            foreach (var submission in held)
            {
                var result = Outcomes.AfterOwnerDied(submission, deadSiloId, maxAttempts);
                if (result is null)
                {
                    batch.BatchCommands.Add(Fenced(submission, "status = 'Queued', owner = NULL, started_at = NULL"));
                    batch.BatchCommands.Add(Event(submission, SubmissionEventKind.Requeued, Outcomes.RequeuedDetail(deadSiloId, submission, maxAttempts)));
                    continue;
                }
                var complete = Fenced(submission, "status = 'Completed', result = @result, completed_at = now()");
                complete.Parameters.AddWithValue("result", NpgsqlDbType.Jsonb, StoreJson.Serialize(result));
                batch.BatchCommands.Add(complete);
                batch.BatchCommands.Add(Event(submission, SubmissionEventKind.Completed, $"{result.Verdict}: {result.Message}"));
                var notify = new NpgsqlBatchCommand("SELECT pg_notify(@channel, @payload)");
                notify.Parameters.AddWithValue("channel", NotificationChannels.Done);
                notify.Parameters.AddWithValue("payload", submission.Id.ToString());
                batch.BatchCommands.Add(notify);
                StorageLog.EndedAfterOwnerDied(_logger, submission.Id, result.Verdict.ToString(), deadSiloId);
                ended++;
            }
            await batch.ExecuteNonQueryAsync(token);
            StorageLog.Recovered(_logger, deadSiloId, held.Count - ended, ended);
            return held.Count;
        }, ct);

    public Task<CancelOutcome> CancelAsync(Guid id, CancellationToken ct) =>
        InTransactionAsync(async (connection, transaction, token) =>
        {
            SubmissionRecord? submission;
            await using (var select = Command(
                $"SELECT {PostgreSqlRows.SubmissionColumns} FROM submissions WHERE cluster_id = @cluster AND id = @id FOR UPDATE",
                connection, transaction))
            {
                select.Parameters.AddWithValue("id", id);
                submission = (await PostgreSqlRows.ReadAllAsync(select, PostgreSqlRows.Submission, token)).SingleOrDefault();
            }

            switch (submission?.Status)
            {
                case null:
                    return CancelOutcome.NotFound;
                case SubmissionStatus.Completed:
                    return CancelOutcome.AlreadyCompleted;
                case SubmissionStatus.Queued:
                    await using (var complete = Command(
                        "UPDATE submissions SET status = 'Completed', result = @result, completed_at = now() WHERE cluster_id = @cluster AND id = @id",
                        connection, transaction))
                    {
                        complete.Parameters.AddWithValue("id", id);
                        complete.Parameters.AddWithValue("result", NpgsqlDbType.Jsonb,
                            StoreJson.Serialize(Outcomes.Cancelled(submission.Request, "Cancelled before it ran.")));
                        await complete.ExecuteNonQueryAsync(token);
                    }
                    await AddEventAsync(connection, transaction, id, SubmissionEventKind.Completed, null, submission.Epoch, nameof(Verdict.Cancelled), token);
                    await NotifyAsync(connection, transaction, NotificationChannels.Done, id.ToString(), token);
                    return CancelOutcome.Cancelled;
                default:
                    // Asked again, the owner is told again: a cancel is idempotent and survives a lost notification.
                    await using (var request = Command(
                        "UPDATE submissions SET cancel_requested = true WHERE cluster_id = @cluster AND id = @id", connection, transaction))
                    {
                        request.Parameters.AddWithValue("id", id);
                        await request.ExecuteNonQueryAsync(token);
                    }
                    await NotifyAsync(connection, transaction, NotificationChannels.Cancel(_clusterId, submission.Owner!), id.ToString(), token);
                    return CancelOutcome.Requested;
            }
        }, ct);

    private NpgsqlBatchCommand Fenced(SubmissionRecord submission, string set)
    {
        var command = new NpgsqlBatchCommand(
            $"UPDATE submissions SET {set} WHERE cluster_id = @cluster AND id = @id AND owner = @silo AND epoch = @epoch AND status = 'Running'");
        command.Parameters.AddWithValue("cluster", _clusterId);
        command.Parameters.AddWithValue("id", submission.Id);
        command.Parameters.AddWithValue("silo", submission.Owner!);
        command.Parameters.AddWithValue("epoch", submission.Epoch);
        return command;
    }

    private NpgsqlBatchCommand Event(SubmissionRecord submission, SubmissionEventKind kind, string detail)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO submission_events (cluster_id, submission_id, kind, silo_id, epoch, detail)
            VALUES (@cluster, @id, @kind, @silo, @epoch, @detail)
            """);
        command.Parameters.AddWithValue("cluster", _clusterId);
        command.Parameters.AddWithValue("id", submission.Id);
        command.Parameters.AddWithValue("kind", kind.ToString());
        command.Parameters.AddWithValue("silo", submission.Owner!);
        command.Parameters.AddWithValue("epoch", submission.Epoch);
        command.Parameters.AddWithValue("detail", detail);
        return command;
    }
}
