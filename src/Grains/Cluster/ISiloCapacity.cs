using CodeRunner.Storage;

namespace CodeRunner.Cluster;

/// <summary>What this silo can run: the languages it serves, how many runs of each at once, and its load to publish.</summary>
public interface ISiloCapacity
{
    /// <summary>Completes when the silo can run anything (languages resolved, pools started).</summary>
    Task Ready { get; }

    IReadOnlyCollection<string> Languages { get; }

    /// <summary>Runs of the language this silo takes at once (its pool's maximum).</summary>
    int Slots(string language);

    SiloLoad Load();
}
