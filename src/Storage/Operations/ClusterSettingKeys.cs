namespace CodeRunner.Storage;

/// <summary>
/// The names of cluster-wide settings that operators change at run time
/// (<see cref="IClusterStore.SetSettingAsync"/>), shared by the frontends that write them and the
/// silos that apply them.
/// </summary>
public static class ClusterSettingKeys
{
    /// <summary>Present (any value) while the cluster is in maintenance mode; the value is the message shown to callers.</summary>
    public const string Maintenance = "maintenance";

    /// <summary>Prefix of a language's warm pool size: <c>pool.minWarm.&lt;language&gt;</c> = an integer.</summary>
    public const string PoolMinWarmPrefix = "pool.minWarm.";

    public static string PoolMinWarm(string language) => PoolMinWarmPrefix + language;
}
