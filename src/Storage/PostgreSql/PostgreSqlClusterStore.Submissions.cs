using CodeRunner.Runs;
using NpgsqlTypes;

namespace CodeRunner.Storage.PostgreSql;

// Submissions: accept, claim, and the owner's fenced writes.
public sealed partial class PostgreSqlClusterStore
{
    public Task<(SubmissionRecord Submission, bool Created)> EnqueueAsync(NewSubmission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return RunAsync(async (connection, token) =>
        {
            // ON CONFLICT waits for a concurrent insert of the same key (or id) to commit, so the
            // follow-up read, a new snapshot, sees the submission that won.
            await using (var insert = Command(
                $"""
                WITH inserted AS (
                    INSERT INTO submissions (cluster_id, id, idempotency_key, language, priority, status, request, created_at, submitter, callback_url, trace_parent)
                    VALUES (@cluster, @id, @key, @language, @priority, 'Queued', @request, now(), @submitter, @callback, @trace)
                    ON CONFLICT DO NOTHING
                    RETURNING {PostgreSqlRows.SubmissionColumns}
                ), accepted AS (
                    INSERT INTO submission_events (cluster_id, submission_id, kind, epoch)
                    SELECT @cluster, id, 'Accepted', 0 FROM inserted
                )
                -- The wake rides on the insert (delivered on commit, only for a new row).
                SELECT {PostgreSqlRows.SubmissionColumns} FROM inserted
                LEFT JOIN LATERAL (SELECT pg_notify(@wake, @language) WHERE @wake IS NOT NULL) woken ON true
                """, connection))
            {
                insert.Parameters.AddWithValue("wake", NpgsqlDbType.Text,
                    submission.WakeSiloId is { } silo ? NotificationChannels.Wake(_clusterId, silo) : DBNull.Value);
                insert.Parameters.AddWithValue("id", submission.Id);
                insert.Parameters.AddWithValue("key", NpgsqlDbType.Text, (object?)submission.IdempotencyKey ?? DBNull.Value);
                insert.Parameters.AddWithValue("language", submission.Request.Language);
                insert.Parameters.AddWithValue("priority", submission.Priority);
                insert.Parameters.AddWithValue("submitter", NpgsqlDbType.Text, (object?)submission.Submitter ?? DBNull.Value);
                insert.Parameters.AddWithValue("callback", NpgsqlDbType.Text, (object?)submission.CallbackUrl ?? DBNull.Value);
                insert.Parameters.AddWithValue("trace", NpgsqlDbType.Text, (object?)submission.TraceParent ?? DBNull.Value);
                insert.Parameters.AddWithValue("request", NpgsqlDbType.Jsonb, StoreJson.Serialize(submission.Request));
                var created = await PostgreSqlRows.ReadAllAsync(insert, PostgreSqlRows.Submission, token);
                if (created.Count == 1)
                    return (created[0], true);
            }

            // The key was used before (or the id: a retry of the same submission). The key's owner wins.
            await using var existing = Command(
                $"""
                SELECT {PostgreSqlRows.SubmissionColumns} FROM submissions
                WHERE cluster_id = @cluster AND (idempotency_key = @key OR id = @id)
                ORDER BY idempotency_key IS NOT DISTINCT FROM @key DESC
                LIMIT 1
                """, connection);
            existing.Parameters.AddWithValue("id", submission.Id);
            existing.Parameters.AddWithValue("key", NpgsqlDbType.Text, (object?)submission.IdempotencyKey ?? DBNull.Value);
            var found = await PostgreSqlRows.ReadAllAsync(existing, PostgreSqlRows.Submission, token);
            return found.Count == 1
                ? (found[0], false)
                : throw new InvalidOperationException($"Submission {submission.Id} was neither inserted nor found.");
        }, ct);
    }

    public Task<SubmissionRecord?> GetAsync(Guid id, CancellationToken ct) =>
        RunAsync(async (connection, token) =>
        {
            await using var command = Command(
                $"SELECT {PostgreSqlRows.SubmissionColumns} FROM submissions WHERE cluster_id = @cluster AND id = @id", connection);
            command.Parameters.AddWithValue("id", id);
            return (await PostgreSqlRows.ReadAllAsync(command, PostgreSqlRows.Submission, token)).SingleOrDefault();
        }, ct);

    public async Task<IReadOnlyList<SubmissionRecord>> ClaimAsync(string siloId, string language, int max, CancellationToken ct)
    {
        if (max <= 0)
            return [];
        return await RunAsync<IReadOnlyList<SubmissionRecord>>(async (connection, token) =>
        {
            // One statement, so one round trip and one transaction. Only an Active silo claims: FOR
            // SHARE on its row holds off DeclareDeadAsync's update of it until this claim commits, so
            // recovery, which runs after the declaration, sees every submission the silo claimed; a
            // claim that comes after the declaration finds it Dead and takes nothing.
            // SKIP LOCKED: concurrent claimers pass over each other's rows instead of waiting on them.
            await using var claim = Command(
                $"""
                WITH live AS (
                    SELECT 1 FROM silos WHERE cluster_id = @cluster AND silo_id = @silo AND status = 'Active' FOR SHARE
                ), picked AS (
                    SELECT id FROM submissions
                    WHERE cluster_id = @cluster AND status = 'Queued' AND language = @language AND EXISTS (SELECT 1 FROM live)
                    ORDER BY priority DESC, created_at, seq
                    LIMIT @max
                    FOR UPDATE SKIP LOCKED
                ), claimed AS (
                    UPDATE submissions s
                    SET status = 'Running', owner = @silo, epoch = s.epoch + 1, attempts = s.attempts + 1, started_at = now()
                    FROM picked
                    WHERE s.cluster_id = @cluster AND s.id = picked.id
                    RETURNING s.*
                ), events AS (
                    INSERT INTO submission_events (cluster_id, submission_id, kind, silo_id, epoch, detail)
                    SELECT @cluster, id, 'Claimed', @silo, epoch, 'attempt ' || attempts FROM claimed
                )
                SELECT {PostgreSqlRows.SubmissionColumns} FROM claimed
                ORDER BY priority DESC, created_at, seq
                """, connection);
            claim.Parameters.AddWithValue("silo", siloId);
            claim.Parameters.AddWithValue("language", language);
            claim.Parameters.AddWithValue("max", max);
            return await PostgreSqlRows.ReadAllAsync(claim, PostgreSqlRows.Submission, token);
        }, ct);
    }

    public Task<bool> CompleteAsync(Guid id, string siloId, long epoch, RunResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        return RunAsync(async (connection, token) =>
        {
            // One statement, so one transaction: the result, its event and the NOTIFY commit together.
            await using var command = Command(
                $"""
                WITH done AS (
                    UPDATE submissions
                    SET status = 'Completed', result = @result, completed_at = now()
                    WHERE cluster_id = @cluster AND id = @id AND owner = @silo AND epoch = @epoch AND status = 'Running'
                    RETURNING id, epoch
                ), completed AS (
                    INSERT INTO submission_events (cluster_id, submission_id, kind, silo_id, epoch, detail)
                    SELECT @cluster, id, 'Completed', @silo, epoch, @verdict FROM done
                )
                SELECT pg_notify('{NotificationChannels.Done}', id::text) FROM done
                """, connection);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("silo", siloId);
            command.Parameters.AddWithValue("epoch", epoch);
            command.Parameters.AddWithValue("result", NpgsqlDbType.Jsonb, StoreJson.Serialize(result));
            command.Parameters.AddWithValue("verdict", result.Verdict.ToString());
            await using var reader = await command.ExecuteReaderAsync(token);
            return await reader.ReadAsync(token);
        }, ct);
    }

    public Task<bool> ReleaseAsync(Guid id, string siloId, long epoch, CancellationToken ct) =>
        InTransactionAsync(async (connection, transaction, token) =>
        {
            const string Fence = "cluster_id = @cluster AND id = @id AND owner = @silo AND epoch = @epoch AND status = 'Running'";
            SubmissionRecord? held;
            await using (var select = Command(
                $"SELECT {PostgreSqlRows.SubmissionColumns} FROM submissions WHERE {Fence} FOR UPDATE", connection, transaction))
            {
                AddFence(select, id, siloId, epoch);
                held = (await PostgreSqlRows.ReadAllAsync(select, PostgreSqlRows.Submission, token)).SingleOrDefault();
            }
            if (held is null)
                return false;

            if (held.CancelRequested)
            {
                // Requeuing it would run a submission that its client cancelled: end it instead.
                var cancelled = Outcomes.Cancelled(held.Request, "Cancelled while its silo was shutting down.");
                await using var complete = Command(
                    $"UPDATE submissions SET status = 'Completed', result = @result, completed_at = now() WHERE {Fence}",
                    connection, transaction);
                AddFence(complete, id, siloId, epoch);
                complete.Parameters.AddWithValue("result", NpgsqlDbType.Jsonb, StoreJson.Serialize(cancelled));
                await complete.ExecuteNonQueryAsync(token);
                await AddEventAsync(connection, transaction, id, SubmissionEventKind.Completed, siloId, epoch, nameof(Verdict.Cancelled), token);
                await NotifyAsync(connection, transaction, NotificationChannels.Done, id.ToString(), token);
                return true;
            }

            // The attempt is handed back: a graceful shutdown is not the submission's fault.
            await using var requeue = Command(
                $"UPDATE submissions SET status = 'Queued', owner = NULL, started_at = NULL, attempts = attempts - 1 WHERE {Fence}",
                connection, transaction);
            AddFence(requeue, id, siloId, epoch);
            await requeue.ExecuteNonQueryAsync(token);
            await AddEventAsync(connection, transaction, id, SubmissionEventKind.Released, siloId, epoch, null, token);
            return true;
        }, ct);

    private static void AddFence(Npgsql.NpgsqlCommand command, Guid id, string siloId, long epoch)
    {
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("silo", siloId);
        command.Parameters.AddWithValue("epoch", epoch);
    }
}
