using CodeRunner.Runs;
using Microsoft.Data.Sqlite;

namespace CodeRunner.Storage.Sqlite;

// Submissions: accept, claim, and the owner's fenced writes.
public sealed partial class SqliteClusterStore
{
    private const string Fence = "cluster_id = $cluster AND id = $id AND owner = $silo AND epoch = $epoch AND status = 'Running'";

    public async Task<(SubmissionRecord Submission, bool Created)> EnqueueAsync(NewSubmission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var accepted = await InsertAsync(submission, ct);
        if (accepted.Created && submission.WakeSiloId is { } silo)
            await WakeAsync(silo, accepted.Submission.Language, ct); // after the commit, like NOTIFY
        return accepted;
    }

    private Task<(SubmissionRecord Submission, bool Created)> InsertAsync(NewSubmission submission, CancellationToken ct)
    {
        return RunAsync((transaction, _) =>
        {
            using (var insert = Command(transaction,
                $"""
                INSERT INTO submissions (cluster_id, id, idempotency_key, language, priority, status, request, created_at, submitter, callback_url, trace_parent)
                VALUES ($cluster, $id, $key, $language, $priority, 'Queued', $request, $now, $submitter, $callback, $trace)
                ON CONFLICT DO NOTHING
                RETURNING {SqliteRows.SubmissionColumns}
                """))
            {
                insert.Parameters.AddWithValue("$id", submission.Id.ToString());
                insert.Parameters.AddWithValue("$key", (object?)submission.IdempotencyKey ?? DBNull.Value);
                insert.Parameters.AddWithValue("$language", submission.Request.Language);
                insert.Parameters.AddWithValue("$priority", submission.Priority);
                insert.Parameters.AddWithValue("$submitter", (object?)submission.Submitter ?? DBNull.Value);
                insert.Parameters.AddWithValue("$callback", (object?)submission.CallbackUrl ?? DBNull.Value);
                insert.Parameters.AddWithValue("$trace", (object?)submission.TraceParent ?? DBNull.Value);
                insert.Parameters.AddWithValue("$request", StoreJson.Serialize(submission.Request));
                insert.Parameters.AddWithValue("$now", SqliteRows.Ticks(Now));
                var created = SqliteRows.ReadAll(insert, SqliteRows.Submission);
                if (created.Count == 1)
                {
                    AddEvent(transaction, submission.Id, SubmissionEventKind.Accepted, null, 0, null);
                    return (created[0], true);
                }
            }

            // The key was used before (or the id: a retry of the same submission). The key's owner wins.
            using var existing = Command(transaction,
                $"""
                SELECT {SqliteRows.SubmissionColumns} FROM submissions
                WHERE cluster_id = $cluster AND (idempotency_key = $key OR id = $id)
                ORDER BY idempotency_key IS $key DESC
                LIMIT 1
                """);
            existing.Parameters.AddWithValue("$id", submission.Id.ToString());
            existing.Parameters.AddWithValue("$key", (object?)submission.IdempotencyKey ?? DBNull.Value);
            var found = SqliteRows.ReadAll(existing, SqliteRows.Submission);
            return found.Count == 1
                ? (found[0], false)
                : throw new InvalidOperationException($"Submission {submission.Id} was neither inserted nor found.");
        }, ct);
    }

    public Task<SubmissionRecord?> GetAsync(Guid id, CancellationToken ct) =>
        RunAsync((transaction, _) => Find(transaction, id), ct);

    public async Task<IReadOnlyList<SubmissionRecord>> ClaimAsync(string siloId, string language, int max, CancellationToken ct)
    {
        if (max <= 0)
            return [];
        return await RunAsync<IReadOnlyList<SubmissionRecord>>((transaction, _) =>
        {
            // Only an Active silo claims: a silo declared dead must not take work that no recovery would return.
            using (var live = Command(transaction, "SELECT 1 FROM silos WHERE cluster_id = $cluster AND silo_id = $silo AND status = 'Active'"))
            {
                live.Parameters.AddWithValue("$silo", siloId);
                if (live.ExecuteScalar() is null)
                    return [];
            }

            List<string> picked;
            using (var queue = Command(transaction,
                """
                SELECT id FROM submissions
                WHERE cluster_id = $cluster AND status = 'Queued' AND language = $language
                ORDER BY priority DESC, created_at, seq
                LIMIT $max
                """))
            {
                queue.Parameters.AddWithValue("$language", language);
                queue.Parameters.AddWithValue("$max", max);
                picked = SqliteRows.ReadAll(queue, r => r.GetString(0));
            }

            var claimed = new List<SubmissionRecord>(picked.Count);
            foreach (var id in picked)
            {
                using var claim = Command(transaction,
                    $"""
                    UPDATE submissions
                    SET status = 'Running', owner = $silo, epoch = epoch + 1, attempts = attempts + 1, started_at = $now
                    WHERE cluster_id = $cluster AND id = $id AND status = 'Queued'
                    RETURNING {SqliteRows.SubmissionColumns}
                    """);
                claim.Parameters.AddWithValue("$id", id);
                claim.Parameters.AddWithValue("$silo", siloId);
                claim.Parameters.AddWithValue("$now", SqliteRows.Ticks(Now));
                var submission = SqliteRows.ReadAll(claim, SqliteRows.Submission).Single();
                AddEvent(transaction, submission.Id, SubmissionEventKind.Claimed, siloId, submission.Epoch, $"attempt {submission.Attempts}");
                claimed.Add(submission);
            }
            return claimed;
        }, ct);
    }

    public Task<bool> CompleteAsync(Guid id, string siloId, long epoch, RunResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        return RunAsync((transaction, notifications) =>
        {
            using var command = Command(transaction,
                $"UPDATE submissions SET status = 'Completed', result = $result, completed_at = $now WHERE {Fence}");
            AddFence(command, id, siloId, epoch);
            command.Parameters.AddWithValue("$result", StoreJson.Serialize(result));
            command.Parameters.AddWithValue("$now", SqliteRows.Ticks(Now));
            if (command.ExecuteNonQuery() == 0)
                return false;
            AddEvent(transaction, id, SubmissionEventKind.Completed, siloId, epoch, result.Verdict.ToString());
            notifications.Add(InProcessNotification.Completed(id));
            return true;
        }, ct);
    }

    public Task<bool> ReleaseAsync(Guid id, string siloId, long epoch, CancellationToken ct) =>
        RunAsync((transaction, notifications) =>
        {
            var held = Find(transaction, id);
            if (held is not { Status: SubmissionStatus.Running } || held.Owner != siloId || held.Epoch != epoch)
                return false;

            if (held.CancelRequested)
            {
                // Requeuing it would run a submission that its client cancelled: end it instead.
                using var complete = Command(transaction,
                    $"UPDATE submissions SET status = 'Completed', result = $result, completed_at = $now WHERE {Fence}");
                AddFence(complete, id, siloId, epoch);
                complete.Parameters.AddWithValue("$result",
                    StoreJson.Serialize(Outcomes.Cancelled(held.Request, "Cancelled while its silo was shutting down.")));
                complete.Parameters.AddWithValue("$now", SqliteRows.Ticks(Now));
                complete.ExecuteNonQuery();
                AddEvent(transaction, id, SubmissionEventKind.Completed, siloId, epoch, nameof(Verdict.Cancelled));
                notifications.Add(InProcessNotification.Completed(id));
                return true;
            }

            // The attempt is handed back: a graceful shutdown is not the submission's fault.
            using var requeue = Command(transaction,
                $"UPDATE submissions SET status = 'Queued', owner = NULL, started_at = NULL, attempts = attempts - 1 WHERE {Fence}");
            AddFence(requeue, id, siloId, epoch);
            requeue.ExecuteNonQuery();
            AddEvent(transaction, id, SubmissionEventKind.Released, siloId, epoch, null);
            return true;
        }, ct);

    private SubmissionRecord? Find(SqliteTransaction transaction, Guid id)
    {
        using var command = Command(transaction, $"SELECT {SqliteRows.SubmissionColumns} FROM submissions WHERE cluster_id = $cluster AND id = $id");
        command.Parameters.AddWithValue("$id", id.ToString());
        return SqliteRows.ReadAll(command, SqliteRows.Submission).SingleOrDefault();
    }

    private static void AddFence(SqliteCommand command, Guid id, string siloId, long epoch)
    {
        command.Parameters.AddWithValue("$id", id.ToString());
        command.Parameters.AddWithValue("$silo", siloId);
        command.Parameters.AddWithValue("$epoch", epoch);
    }
}
