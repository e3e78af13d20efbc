using System.Diagnostics;
using CodeRunner.Diagnostics;
using CodeRunner.Runs;
using CodeRunner.Storage;
using Microsoft.Extensions.Logging;

namespace CodeRunner.Cluster;

/// <summary>
/// One claimed submission on this silo: Running → a terminal result. Owns its overall deadline,
/// its cancellation and its result, and writes that result once, fenced by owner and epoch: a silo
/// that lost the submission (declared dead, paused past its lease) cannot overwrite the owner
/// that took over. Never throws: whatever happens ends in a result, a hand-back, or a logged loss.
/// Everything it does runs in a log scope with <c>SubmissionId</c> and <c>SiloId</c>, and in the
/// <c>submission.execute</c> span under the trace the submission was accepted in.
/// </summary>
public sealed partial class SubmissionGrain(
    SubmissionRecord record,
    string siloId,
    IClusterStore store,
    ISubmissionRunner runner,
    SubmissionOptions options,
    ILogger logger,
    TimeProvider time,
    Webhooks.WebhookSender? webhooks = null) : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();

    public Guid Id => record.Id;

    public string Language => record.Language;

    public long Epoch => record.Epoch;

    /// <summary>Asks the run to stop; it ends with verdict Cancelled.</summary>
    public void RequestCancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It finished meanwhile: nothing left to cancel.
        }
    }

    /// <summary>Runs to a written result. Cancelling <paramref name="handBack"/> (silo shutdown past its grace) returns the submission to the queue instead.</summary>
    public async Task RunAsync(CancellationToken handBack)
    {
        using var scope = logger.BeginScope(new SubmissionLogScope(Id, siloId));
        using var activity = CodeRunnerTracing.StartForSubmission("submission.execute", ActivityKind.Internal, Id, Language, record.TraceParent);
        LogStarted(Id, record.Attempts);
        using var deadline = new CancellationTokenSource(Deadline(record.Request), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token, deadline.Token, handBack);
        if (record.CancelRequested)
            _cancel.Cancel();

        RunResult result;
        var started = time.GetTimestamp();
        try
        {
            result = await runner.RunAsync(record.Request, linked.Token);
        }
        catch (OperationCanceledException) when (handBack.IsCancellationRequested && !_cancel.IsCancellationRequested)
        {
            if (await WriteAsync(() => store.ReleaseAsync(Id, siloId, Epoch, CancellationToken.None), "hand back"))
                LogHandedBack(Id);
            else
                CodeRunnerMetrics.ClaimConflicted(Language, ClaimConflict.LostOwnership);
            activity?.SetTag("coderun.handed_back", true);
            return;
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            result = Terminal(Verdict.Cancelled, "the submission was cancelled while it ran");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            result = Terminal(Verdict.InternalError, $"the submission did not finish within {Deadline(record.Request).TotalSeconds:F0} s");
        }
        catch (Exception e)
        {
            LogRunFailed(Id, e);
            result = Terminal(Verdict.InternalError, $"the run failed: {e.Message}");
        }

        CodeRunnerMetrics.RunFinished(Language, time.GetElapsedTime(started));
        activity?.SetTag(CodeRunnerTracing.VerdictTag, result.Verdict.ToString());
        var written = await WriteAsync(() => store.CompleteAsync(Id, siloId, Epoch, result, CancellationToken.None), "complete");
        if (written)
        {
            CodeRunnerMetrics.SubmissionCompleted(Language, result.Verdict);
            LogCompleted(Id, result.Verdict);
            if (record.CallbackUrl is { } callback && webhooks is not null)
            {
                var completed = new Submissions.Submission(Id, Language, Submissions.SubmissionStatus.Completed, result, record.Attempts,
                    record.CreatedAt, record.StartedAt, time.GetUtcNow());
                webhooks.Deliver(completed, callback, siloId);
            }
        }
        else
        {
            CodeRunnerMetrics.ClaimConflicted(Language, ClaimConflict.LostOwnership);
            activity?.SetStatus(ActivityStatusCode.Error, "the silo no longer owned the submission");
            LogLostOwnership(Id, Epoch);
        }
    }

    public void Dispose() => _cancel.Dispose();

    /// <summary>
    /// The submission's own time plus slack: a compile (its language's limit is not known here, so
    /// the largest, 30 s) and one run per test case, each up to its wall limit (30 s when unset),
    /// for each try the executor may make (<see cref="RunExecutor.MaxAttempts"/>: a sandbox that
    /// dies under a run costs a second try).
    /// </summary>
    internal static TimeSpan DeadlineOf(RunRequest request, TimeSpan slack) =>
        RunExecutor.MaxAttempts * TimeSpan.FromMilliseconds(30_000 + (long)(request.Limits?.WallTimeMs ?? 30_000) * Math.Max(1, request.TestCases?.Count ?? 1)) + slack;

    private TimeSpan Deadline(RunRequest request) => DeadlineOf(request, options.DeadlineSlack);

    private RunResult Terminal(Verdict verdict, string message) =>
        RunResult.WithoutOutput(verdict, record.Request.OutputEncoding, message);

    /// <summary>
    /// Writes through store outages (a PostgreSQL restart): the result must not be lost because the
    /// store blinked. Retries with backoff for up to 5 minutes; false means the fence said no.
    /// </summary>
    private async Task<bool> WriteAsync(Func<Task<bool>> write, string what)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        var giveUp = time.GetUtcNow() + TimeSpan.FromMinutes(5);
        while (true)
        {
            try
            {
                return await write();
            }
            catch (Exception e) when (e is not OperationCanceledException && time.GetUtcNow() < giveUp)
            {
                LogWriteRetry(Id, what, delay.TotalMilliseconds, e.Message);
                await Task.Delay(delay, time);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    [LoggerMessage(EventId = 1605, Level = LogLevel.Debug, Message = "Submission {SubmissionId} starts (attempt {Attempt})")]
    private partial void LogStarted(Guid submissionId, int attempt);

    [LoggerMessage(EventId = 1600, Level = LogLevel.Debug, Message = "Submission {SubmissionId} completed: {Verdict}")]
    private partial void LogCompleted(Guid submissionId, Verdict verdict);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Submission {SubmissionId}: the result was not written, this silo no longer owns epoch {Epoch}")]
    private partial void LogLostOwnership(Guid submissionId, long epoch);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information, Message = "Submission {SubmissionId} handed back to the queue")]
    private partial void LogHandedBack(Guid submissionId);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Error, Message = "Submission {SubmissionId}: the run failed")]
    private partial void LogRunFailed(Guid submissionId, Exception e);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Warning, Message = "Submission {SubmissionId}: {What} failed, retrying in {DelayMs} ms: {Reason}")]
    private partial void LogWriteRetry(Guid submissionId, string what, double delayMs, string reason);
}
