using CodeRunner.Runs;

namespace CodeRunner.Storage;

/// <summary>A snippet to store: the code of a playground page, shared by a link.</summary>
/// <param name="Id">Its id, chosen by the caller (short and unguessable; it is the whole secret of the link).</param>
/// <param name="Language">A language id.</param>
/// <param name="Files">The files, the entry point first; UTF-8 text.</param>
/// <param name="Stdin">The standard input of a batch run, when one was given.</param>
/// <param name="Creator">Who stored it (an API key's name, or the anonymous caller's address): for audits, never shown.</param>
public sealed record NewSnippet(string Id, string Language, IReadOnlyList<SourceFile> Files, string? Stdin = null, string? Creator = null);
