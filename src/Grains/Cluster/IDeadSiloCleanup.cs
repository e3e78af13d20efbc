namespace CodeRunner.Cluster;

/// <summary>Removes what a dead silo left on this node (its ghost containers, when it shared this node's engine).</summary>
public interface IDeadSiloCleanup
{
    Task CleanUpAsync(IReadOnlySet<string> deadSiloNames, CancellationToken ct);
}
