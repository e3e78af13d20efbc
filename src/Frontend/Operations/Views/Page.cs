namespace CodeRunner.Frontend.Operations.Views;

/// <summary>One page of a list paged on the server, with the total that match.</summary>
/// <param name="Items">The rows of this page.</param>
/// <param name="Total">Rows that match in all.</param>
/// <param name="Offset">Rows skipped.</param>
/// <param name="Limit">Rows asked for.</param>
/// <param name="Unreachable">Silos that did not answer (lists gathered from every silo).</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit, IReadOnlyList<string>? Unreachable = null);
