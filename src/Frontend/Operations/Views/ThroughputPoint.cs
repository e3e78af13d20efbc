namespace CodeRunner.Frontend.Operations.Views;

/// <summary>Completions in one bucket of the overview's window (start time, count, and how many of them ended InternalError).</summary>
public sealed record ThroughputPoint(DateTimeOffset At, int Completed, int Errors);
