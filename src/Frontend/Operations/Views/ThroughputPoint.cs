namespace CodeRunner.Frontend.Operations.Views;

/// <summary>One bucket of the overview's window: its start, the submissions accepted and completed in it, and how many completions ended InternalError.</summary>
public sealed record ThroughputPoint(DateTimeOffset At, int Accepted, int Completed, int Errors);
