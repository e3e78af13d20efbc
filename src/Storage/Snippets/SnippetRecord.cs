using CodeRunner.Runs;

namespace CodeRunner.Storage;

/// <summary>A stored snippet. Snippets never change once stored.</summary>
/// <param name="Id">Its id (case-sensitive).</param>
/// <param name="Language">A language id.</param>
/// <param name="Files">The files, the entry point first; UTF-8 text.</param>
/// <param name="Stdin">The standard input stored with it; null when none was (an empty one stays empty).</param>
/// <param name="Creator">Who stored it, as <see cref="NewSnippet.Creator"/>.</param>
/// <param name="CreatedAt">When it was stored, on the store's clock.</param>
public sealed record SnippetRecord(string Id, string Language, IReadOnlyList<SourceFile> Files, string? Stdin, string? Creator, DateTimeOffset CreatedAt);
