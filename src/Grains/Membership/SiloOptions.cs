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

    /// <summary>Lower-case letters, digits, '-' and '.', as container names and labels allow.</summary>
    public static string Sanitize(string name)
    {
        var clean = Invalid().Replace(name.ToLowerInvariant(), "-").Trim('-', '.');
        return clean.Length == 0 ? "silo" : clean[..Math.Min(clean.Length, 48)];
    }

    [GeneratedRegex("[^a-z0-9.-]+")]
    private static partial Regex Invalid();
}
