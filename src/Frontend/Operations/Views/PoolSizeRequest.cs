namespace CodeRunner.Frontend.Operations.Views;

/// <summary>The body of <c>PUT /api/v1/admin/pools/{language}</c>.</summary>
/// <param name="MinWarm">Warm sandboxes every silo keeps for the language: 0 up to the pool's maximum.</param>
public sealed record PoolSizeRequest(int MinWarm);
