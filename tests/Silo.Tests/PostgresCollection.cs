using CodeRunner.Tests.Support;

namespace CodeRunner.Tests;

/// <summary>One PostgreSQL server for the cluster tests (each test makes its own database). They run one after another: each starts several silos on a 2-core machine.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
