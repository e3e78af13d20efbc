namespace CodeRunner.Frontend.Operations.Views;

/// <summary>What the dashboard's live stream sends every few seconds.</summary>
public sealed record Snapshot(Overview Overview, IReadOnlyList<SiloView> Silos);
