using CodeRunner.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRunner.Cluster;

/// <summary>
/// This silo's membership: joins at start (before any sandbox exists, so no other silo mistakes
/// its containers for a dead silo's), writes its heartbeat and load, declares silos that stopped
/// heartbeating dead (compare-and-set: one winner) and recovers their submissions, removes dead
/// silos' ghost containers, and leaves at stop. A silo that finds itself declared dead stops the
/// process: its late writes are fenced off anyway, and a fresh incarnation can rejoin.
/// </summary>
public sealed partial class MembershipAgent(
    IClusterStore store,
    SiloIdentity identity,
    ISiloCapacity capacity,
    IServiceProvider services,
    IOptions<ClusterMembershipOptions> membership,
    IOptions<SubmissionOptions> submissions,
    IHostApplicationLifetime lifetime,
    ILogger<MembershipAgent> logger,
    TimeProvider time) : BackgroundService
{
    private DateTimeOffset _detectNotBefore;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await store.JoinAsync(new SiloRegistration(identity.SiloId, identity.SiloName, identity.Address), cancellationToken);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStoreUnavailable("join", e.Message);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
        LogJoined(identity.SiloId);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = membership.Value;
        var lastRefresh = DateTimeOffset.MinValue;
        var healthy = true;
        using var timer = new PeriodicTimer(options.IAmAliveTablePublishTimeout, time);
        do
        {
            try
            {
                var load = capacity.Ready.IsCompletedSuccessfully ? capacity.Load() : SiloLoad.Empty;
                if (services.GetService<SubmissionClaimer>() is { } claimer)
                    load = load with { Draining = claimer.IsDrainedByOperator, Claimed = claimer.ClaimedCount };
                if (!await store.HeartbeatAsync(identity.SiloId, load, stoppingToken))
                {
                    LogDeclaredDead(identity.SiloId);
                    Environment.ExitCode = 3;
                    lifetime.StopApplication();
                    return;
                }
                if (!healthy)
                {
                    // Nobody could write heartbeats while the store was away: give live silos one
                    // full death age to write theirs before anyone is judged.
                    _detectNotBefore = time.GetUtcNow() + options.DeathAge;
                    healthy = true;
                }
                if (time.GetUtcNow() - lastRefresh >= options.TableRefreshTimeout && time.GetUtcNow() >= _detectNotBefore)
                {
                    lastRefresh = time.GetUtcNow();
                    await DetectDeadSilosAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                healthy = false;
                LogStoreUnavailable("heartbeat", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // Anything still owned (a run that could be neither finished nor handed back) is requeued now.
            await store.RecoverAsync(identity.SiloId, submissions.Value.MaxAttempts, cancellationToken);
            await store.SetStatusAsync(identity.SiloId, SiloStatus.Left, cancellationToken);
            LogLeft(identity.SiloId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStoreUnavailable("leave", e.Message);
        }
    }

    private async Task DetectDeadSilosAsync(CancellationToken ct)
    {
        var silos = await store.ListSilosAsync(ct);
        var deathAge = membership.Value.DeathAge;
        foreach (var silo in silos.Where(s => s.SiloId != identity.SiloId && s.Status is SiloStatus.Active or SiloStatus.ShuttingDown && s.HeartbeatAge > deathAge))
        {
            if (!await store.DeclareDeadAsync(silo.SiloId, deathAge, ct))
                continue; // another silo won, or it came back
            var recovered = await store.RecoverAsync(silo.SiloId, submissions.Value.MaxAttempts, ct);
            LogDeclaredOtherDead(silo.SiloId, silo.HeartbeatAge.TotalSeconds, recovered);
            if (recovered > 0)
                services.GetService<SubmissionClaimer>()?.OnWake("");
        }

        // Ghosts: containers of silo names whose every incarnation is dead or gone. A name with a
        // live incarnation is left alone: that silo cleans up after itself when it starts.
        var live = silos.Where(s => s.Status is SiloStatus.Active or SiloStatus.ShuttingDown).Select(s => s.SiloName).ToHashSet();
        var dead = silos.Where(s => s.Status is SiloStatus.Dead or SiloStatus.Left && !live.Contains(s.SiloName)).Select(s => s.SiloName).ToHashSet();
        if (dead.Count > 0)
        {
            foreach (var cleanup in services.GetServices<IDeadSiloCleanup>())
                await cleanup.CleanUpAsync(dead, ct);
        }
    }

    [LoggerMessage(EventId = 1800, Level = LogLevel.Information, Message = "Silo {SiloId} joined the cluster")]
    private partial void LogJoined(string siloId);

    [LoggerMessage(EventId = 1801, Level = LogLevel.Critical, Message = "Silo {SiloId} was declared dead by the cluster; stopping")]
    private partial void LogDeclaredDead(string siloId);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Warning, Message = "Declared silo {SiloId} dead after {Seconds:F1} s without a heartbeat; {Recovered} of its submissions recovered")]
    private partial void LogDeclaredOtherDead(string siloId, double seconds, int recovered);

    [LoggerMessage(EventId = 1803, Level = LogLevel.Warning, Message = "The store is unavailable ({Operation}): {Reason}")]
    private partial void LogStoreUnavailable(string operation, string reason);

    [LoggerMessage(EventId = 1804, Level = LogLevel.Information, Message = "Silo {SiloId} left the cluster")]
    private partial void LogLeft(string siloId);
}
