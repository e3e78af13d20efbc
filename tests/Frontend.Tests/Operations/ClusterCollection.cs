namespace CodeRunner.Tests.Operations;

/// <summary>Tests that start real silos run one after another: each cluster builds sandbox pools on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "operations-cluster";
}
