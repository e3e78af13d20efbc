using System.Text.RegularExpressions;

namespace CodeRunner.Membership;

/// <summary>This silo's identity (Orleans' SiloOptions).</summary>
public sealed partial class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>
    /// Name of this silo, unique in the cluster and stable across restarts of the same node (on
    /// Kubernetes the pod name). Labels its containers, so a restarted silo finds its own ghosts.
    /// Default: <c>POD_NAME</c> from the environment (the Downward API), else the machine name.
    /// </summary>
    public string SiloName { get; set; } = Sanitize(Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName);

    /// <summary>
    /// Where other members of the cluster reach this silo's HTTP endpoint (interactive sessions,
    /// operator actions, the internal API), as an absolute URL; published in the membership table
    /// (Orleans: EndpointOptions.AdvertisedIPAddress). Default: <c>http://</c>, then <c>POD_IP</c>
    /// from the environment or 127.0.0.1, then the port of the first address the silo listens on.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Lower-case letters, digits, '-' and '.', as container names and labels allow.</summary>
    public static string Sanitize(string name)
    {
        var clean = Invalid().Replace(name.ToLowerInvariant(), "-").Trim('-', '.');
        return clean.Length == 0 ? "silo" : clean[..Math.Min(clean.Length, 48)];
    }

    [GeneratedRegex("[^a-z0-9.-]+")]
    private static partial Regex Invalid();
}
