namespace CodeRunner.Tests;

/// <summary>One single node for every CLI test class: starting a silo and its sandbox pools is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class CliCollection : ICollectionFixture<CliFrontend>
{
    public const string Name = "coderun against a single node";
}
