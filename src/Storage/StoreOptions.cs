namespace CodeRunner.Storage;

/// <summary>Where the cluster's shared state lives (configuration section <c>Store</c>).</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    /// <summary>PostgreSQL connection string of the cluster's database; when empty, the embedded single-node store is used. Default empty.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>File of the embedded store, relative to the current directory unless absolute; its directory is created. Default <c>data/coderun.db</c>.</summary>
    public string EmbeddedPath { get; set; } = "data/coderun.db";

    /// <summary>Scopes every row, so several clusters can share one database. Default <c>default</c>.</summary>
    public string ClusterId { get; set; } = "default";
}
