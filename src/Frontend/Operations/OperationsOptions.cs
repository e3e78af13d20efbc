namespace CodeRunner.Frontend.Operations;

/// <summary>The dashboard and the admin API. Section <c>Operations</c>.</summary>
public sealed class OperationsOptions
{
    public const string SectionName = "Operations";

    /// <summary>How long a frontend trusts its copy of the cluster's settings (maintenance mode) before reading them again. Default 1 s.</summary>
    public TimeSpan SettingsCacheDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the dashboard's live stream sends a snapshot. Default 1.5 s.</summary>
    public TimeSpan StreamInterval { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>How long one live stream lasts before the page reconnects (a proxy's idle limits, a key that was revoked). Default 10 min.</summary>
    public TimeSpan MaxStream { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The window of the overview's throughput, percentiles, verdict mix and error rate. Default 5 min.</summary>
    public TimeSpan StatsWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Completed submissions read for one overview at most (the newest); beyond it the window is cut short. Default 50000.</summary>
    public int MaxStatsRows { get; set; } = 50_000;

    /// <summary>The <c>Retry-After</c> of a request refused in maintenance mode. Default 60 s.</summary>
    public TimeSpan MaintenanceRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Rows one page of a list may ask for at most. Default 200.</summary>
    public int MaxPageSize { get; set; } = 200;

    /// <summary>How long the admin API waits for one silo's internal API (sandboxes, logs, drain). Default 3 s.</summary>
    public TimeSpan SiloCallTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
