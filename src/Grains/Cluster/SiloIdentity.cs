using CodeRunner.Membership;
using Microsoft.Extensions.Options;

namespace CodeRunner.Cluster;

/// <summary>
/// Who this silo is: a stable name (labels its containers, survives restarts) and an id unique to
/// this incarnation (membership row, submission ownership). A restarted silo is a new member.
/// </summary>
public sealed class SiloIdentity(IOptions<SiloOptions> options)
{
    public string SiloName { get; } = options.Value.SiloName;

    public string SiloId { get; } = $"{options.Value.SiloName}@{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>The silo's advertised HTTP address (<see cref="SiloOptions.AdvertisedAddress"/>).</summary>
    public string Address { get; } = options.Value.AdvertisedAddress ?? "http://127.0.0.1";
}
