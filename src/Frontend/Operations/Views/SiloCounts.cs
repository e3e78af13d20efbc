namespace CodeRunner.Frontend.Operations.Views;

/// <summary>Silos by state: up (Active, heartbeating), draining (drained by an operator, or shutting down), suspect (heartbeat late), dead, left.</summary>
public sealed record SiloCounts(int Up, int Draining, int Suspect, int Dead, int Left);
