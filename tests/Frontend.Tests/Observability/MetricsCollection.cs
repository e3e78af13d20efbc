namespace CodeRunner.Tests.Observability;

/// <summary>
/// The meter is one per process, and the test classes of this project share a process: tests that
/// count exactly run alone, after the parallel ones, so no other class's submissions are counted.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
