namespace CodeRunner.Frontend.Operations.Views;

/// <summary>Maintenance mode: the body of <c>PUT /api/v1/admin/maintenance</c>, and its answer.</summary>
/// <param name="Enabled">While on, new submissions and runs get 503 with <paramref name="Message"/>.</param>
/// <param name="Message">What callers are told; required when enabling.</param>
public sealed record MaintenanceState(bool Enabled, string? Message);
