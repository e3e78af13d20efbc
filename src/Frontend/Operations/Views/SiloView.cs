using CodeRunner.Storage;

namespace CodeRunner.Frontend.Operations.Views;

/// <summary>One silo as operators see it.</summary>
/// <param name="SiloId">This incarnation's id (drain and resume address it).</param>
/// <param name="SiloName">The stable name.</param>
/// <param name="Address">Its advertised address.</param>
/// <param name="State">Up, Draining, Suspect (heartbeat late), ShuttingDown, Dead or Left.</param>
/// <param name="StartedAt">When it joined.</param>
/// <param name="UptimeSeconds">Since it joined.</param>
/// <param name="CpuPercent">Its process's CPU use, in percent of the machine.</param>
/// <param name="MemoryBytes">Its process's working set.</param>
/// <param name="Languages">Sandboxes per language (warm, busy, creating, retiring, max, minimum warm).</param>
/// <param name="ClaimsPerSecond">Claims per second between its last two heartbeats this frontend saw.</param>
/// <param name="Claimed">Submissions it claimed since it started.</param>
/// <param name="HeartbeatAt">Its last heartbeat.</param>
/// <param name="HeartbeatAgeSeconds">How old that heartbeat is (store clock).</param>
public sealed record SiloView(
    string SiloId,
    string SiloName,
    string Address,
    string State,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    double CpuPercent,
    long MemoryBytes,
    IReadOnlyDictionary<string, LanguageLoad> Languages,
    double ClaimsPerSecond,
    long Claimed,
    DateTimeOffset HeartbeatAt,
    double HeartbeatAgeSeconds);
