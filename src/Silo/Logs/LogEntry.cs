namespace CodeRunner.Silo.Logs;

/// <summary>One log entry as a process keeps it in its <see cref="LogRing"/> and serves it to operators.</summary>
/// <param name="Seq">Increases by one per entry in this process: a reader asks for entries after the last it saw.</param>
/// <param name="At">When it was written.</param>
/// <param name="Level">Its level (<c>Information</c>, <c>Warning</c>, …).</param>
/// <param name="Category">The logger's category (a type name).</param>
/// <param name="EventId">Its stable event id (docs/operations.md lists the ranges).</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The innermost exception's message, if any.</param>
/// <param name="Source">Which process wrote it: a silo's name, or <c>frontend</c>.</param>
public sealed record LogEntry(long Seq, DateTimeOffset At, string Level, string Category, int EventId, string Message, string? Exception, string Source);
