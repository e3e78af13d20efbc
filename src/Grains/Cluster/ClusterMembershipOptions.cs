namespace CodeRunner.Cluster;

/// <summary>
/// Membership and liveness (Orleans' ClusterMembershipOptions, table-based). Liveness here is the
/// membership table itself: each silo writes an I-am-alive row; any silo that sees a row older than
/// <see cref="IAmAliveTablePublishTimeout"/> × <see cref="NumMissedTableIAmAliveLimit"/> declares it
/// dead with a compare-and-set, and recovers its work. Defaults are shorter than Orleans' because
/// they are the only failure detector (Orleans also probes silos directly).
/// </summary>
public sealed class ClusterMembershipOptions
{
    public const string SectionName = "Cluster:Membership";

    /// <summary>How often a silo writes its heartbeat and load. Default 2 s.</summary>
    public TimeSpan IAmAliveTablePublishTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Heartbeats a silo may miss before others declare it dead. Default 5 (10 s).</summary>
    public int NumMissedTableIAmAliveLimit { get; set; } = 5;

    /// <summary>How often a silo reads the membership table to find dead silos and their ghosts. Default 2 s.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The heartbeat age past which a silo is dead.</summary>
    public TimeSpan DeathAge => IAmAliveTablePublishTimeout * NumMissedTableIAmAliveLimit;
}
