namespace CodeRunner.Cluster;

/// <summary>
/// The silos' internal API (<c>/internal/v1</c>): what frontends call on a given silo (interactive
/// sessions, operator actions, its sandboxes and logs). Configuration section <c>InternalApi</c>.
/// </summary>
public sealed class InternalApiOptions
{
    public const string SectionName = "InternalApi";

    /// <summary>The header that carries <see cref="Key"/>.</summary>
    public const string KeyHeader = "X-Internal-Key";

    /// <summary>
    /// A secret shared by every member of the cluster; when set, a silo answers its internal API
    /// only to callers that present it, and frontends present it. Default empty: no check, for a
    /// single node on loopback (the Helm chart always sets one).
    /// </summary>
    public string Key { get; set; } = "";
}
