namespace CodeRunner.Frontend.Operations.Views;

/// <summary>One language's warm pool across the cluster.</summary>
/// <param name="Language">Its id.</param>
/// <param name="MinWarm">The operators' cluster-wide warm size; null when each silo keeps its configured one.</param>
/// <param name="Max">The largest pool maximum a live silo publishes (a warm size may not exceed it).</param>
/// <param name="Warm">Warm sandboxes now, all silos.</param>
/// <param name="Busy">Busy sandboxes now, all silos.</param>
public sealed record PoolView(string Language, int? MinWarm, int Max, int Warm, int Busy);
