namespace CodeRunner.Frontend.Operations.Views;

/// <summary>Filters of the merged log tail.</summary>
/// <param name="Text">Entries whose message or category contains it (case-insensitive).</param>
/// <param name="Level">Entries at this level or above (Trace … Critical).</param>
/// <param name="Source">Entries of this process (a silo's name, or <c>frontend</c>).</param>
/// <param name="Since">Entries written after this time.</param>
/// <param name="Limit">The newest this many.</param>
public sealed record LogQuery(string? Text, LogLevel? Level, string? Source, DateTimeOffset? Since, int Limit);
