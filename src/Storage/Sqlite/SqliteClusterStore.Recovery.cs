using CodeRunner.Runs;

namespace CodeRunner.Storage.Sqlite;

// Ending or requeuing what an owner can no longer finish: a dead silo's leases, and cancellation.
public sealed partial class SqliteClusterStore
{
    public Task<int> RecoverAsync(string deadSiloId, int maxAttempts, CancellationToken ct) =>
        RunAsync((transaction, notifications) =>
        {
            // Only a silo that is out of the cluster loses its leases: recovering a live silo's work
            // would run it twice. A Dead silo claims nothing more, so calling this again finds nothing.
            using (var status = Command(transaction, "SELECT status FROM silos WHERE cluster_id = $cluster AND silo_id = $silo"))
            {
                status.Parameters.AddWithValue("$silo", deadSiloId);
                if (status.ExecuteScalar() is not (nameof(SiloStatus.Dead) or nameof(SiloStatus.Left)))
                    return 0;
            }

            List<SubmissionRecord> held;
            using (var select = Command(transaction,
                $"SELECT {SqliteRows.SubmissionColumns} FROM submissions WHERE cluster_id = $cluster AND owner = $silo AND status = 'Running' ORDER BY seq"))
            {
                select.Parameters.AddWithValue("$silo", deadSiloId);
                held = SqliteRows.ReadAll(select, SqliteRows.Submission);
            }

            var ended = 0;
            foreach (var submission in held)
            {
                var result = Outcomes.AfterOwnerDied(submission, deadSiloId, maxAttempts);
                if (result is null)
                {
                    using var requeue = Command(transaction,
                        $"UPDATE submissions SET status = 'Queued', owner = NULL, started_at = NULL WHERE {Fence}");
                    AddFence(requeue, submission.Id, deadSiloId, submission.Epoch);
                    requeue.ExecuteNonQuery();
                    AddEvent(transaction, submission.Id, SubmissionEventKind.Requeued, deadSiloId, submission.Epoch,
                        Outcomes.RequeuedDetail(deadSiloId, submission, maxAttempts));
                    continue;
                }
                using var complete = Command(transaction,
                    $"UPDATE submissions SET status = 'Completed', result = $result, completed_at = $now WHERE {Fence}");
                AddFence(complete, submission.Id, deadSiloId, submission.Epoch);
                complete.Parameters.AddWithValue("$result", StoreJson.Serialize(result));
                complete.Parameters.AddWithValue("$now", SqliteRows.Ticks(Now));
                complete.ExecuteNonQuery();
                AddEvent(transaction, submission.Id, SubmissionEventKind.Completed, deadSiloId, submission.Epoch, $"{result.Verdict}: {result.Message}");
                notifications.Add(InProcessNotification.Completed(submission.Id));
                StorageLog.EndedAfterOwnerDied(_logger, submission.Id, result.Verdict.ToString(), deadSiloId);
                ended++;
            }
            if (held.Count > 0)
                StorageLog.Recovered(_logger, deadSiloId, held.Count - ended, ended);
            return held.Count;
        }, ct);

    public Task<CancelOutcome> CancelAsync(Guid id, CancellationToken ct) =>
        RunAsync((transaction, notifications) =>
        {
            var submission = Find(transaction, id);
            switch (submission?.Status)
            {
                case null:
                    return CancelOutcome.NotFound;
                case SubmissionStatus.Completed:
                    return CancelOutcome.AlreadyCompleted;
                case SubmissionStatus.Queued:
                    using (var complete = Command(transaction,
                        "UPDATE submissions SET status = 'Completed', result = $result, completed_at = $now WHERE cluster_id = $cluster AND id = $id"))
                    {
                        complete.Parameters.AddWithValue("$id", id.ToString());
                        complete.Parameters.AddWithValue("$result", StoreJson.Serialize(Outcomes.Cancelled(submission.Request, "Cancelled before it ran.")));
                        complete.Parameters.AddWithValue("$now", SqliteRows.Ticks(Now));
                        complete.ExecuteNonQuery();
                    }
                    AddEvent(transaction, id, SubmissionEventKind.Completed, null, submission.Epoch, nameof(Verdict.Cancelled));
                    notifications.Add(InProcessNotification.Completed(id));
                    return CancelOutcome.Cancelled;
                default:
                    // Asked again, the owner is told again: a cancel is idempotent and survives a lost notification.
                    using (var request = Command(transaction, "UPDATE submissions SET cancel_requested = 1 WHERE cluster_id = $cluster AND id = $id"))
                    {
                        request.Parameters.AddWithValue("$id", id.ToString());
                        request.ExecuteNonQuery();
                    }
                    notifications.Add(InProcessNotification.CancelRequested(submission.Owner!, id));
                    return CancelOutcome.Requested;
            }
        }, ct);
}
