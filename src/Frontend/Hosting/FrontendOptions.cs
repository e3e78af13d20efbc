namespace CodeRunner.Frontend.Hosting;

/// <summary>The HTTP edge.</summary>
public sealed class FrontendOptions
{
    public const string SectionName = "Frontend";

    /// <summary>Host a silo in this process (the single-node default). False for a stateless frontend in front of a cluster. Default true.</summary>
    public bool HostSilo { get; set; } = true;

    /// <summary>Submissions in one batch request. Default 20.</summary>
    public int MaxBatchSize { get; set; } = 20;

    /// <summary>How long <c>?wait=true</c> holds a request before answering 202 with the submission still running. Default 30 s.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the server-sent events of one submission may stream before the server closes them. Default 5 min.</summary>
    public TimeSpan MaxEventStream { get; set; } = TimeSpan.FromMinutes(5);
}
