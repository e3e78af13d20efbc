namespace CodeRunner.Silo.Logs;

/// <summary>The bounded in-memory log each process keeps for the dashboard's live tail. Section <c>Logging:Ring</c>.</summary>
public sealed class LogRingOptions
{
    public const string SectionName = "Logging:Ring";

    /// <summary>Entries kept; the oldest go first. Default 2000 (a few hundred kilobytes).</summary>
    public int Capacity { get; set; } = 2000;
}
