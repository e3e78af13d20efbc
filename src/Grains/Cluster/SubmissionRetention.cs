using CodeRunner.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRunner.Cluster;

/// <summary>
/// Deletes completed submissions older than <see cref="SubmissionOptions.Retention"/>, so the
/// store (and every query over recent submissions) does not grow without end. Every silo sweeps;
/// the store's delete skips rows another silo is deleting, so sweeps at the same moment share the work.
/// </summary>
public sealed partial class SubmissionRetention(IClusterStore store, IOptions<SubmissionOptions> options, ILogger<SubmissionRetention> logger, TimeProvider time)
    : BackgroundService
{
    /// <summary>Rows per statement: short transactions, so claims and completions never wait long behind a sweep.</summary>
    public const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.Retention == TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(o.RetentionSweepInterval, time);
        do
        {
            try
            {
                var purged = await SweepAsync(o.Retention, stoppingToken);
                if (purged > 0)
                    LogPurged(purged, o.Retention.TotalDays);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(e.Message); // the store is away; the next sweep catches up
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes in batches until a batch comes back short; returns how many went.</summary>
    public async Task<int> SweepAsync(TimeSpan retention, CancellationToken ct)
    {
        var total = 0;
        int purged;
        do
        {
            purged = await store.PurgeCompletedAsync(retention, BatchSize, ct);
            total += purged;
        }
        while (purged == BatchSize);
        return total;
    }

    [LoggerMessage(EventId = 1850, Level = LogLevel.Information, Message = "Retention: deleted {Count} submissions completed more than {Days:F1} days ago")]
    private partial void LogPurged(int count, double days);

    [LoggerMessage(EventId = 1851, Level = LogLevel.Warning, Message = "Retention sweep failed: {Reason}")]
    private partial void LogSweepFailed(string reason);
}
