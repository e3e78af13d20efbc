namespace CodeRunner.Frontend.Snippets;

/// <summary>One file of a snippet, UTF-8 text.</summary>
/// <param name="Name">A relative path, as in a run request (<c>main.py</c>, <c>src/util.py</c>).</param>
/// <param name="Content">The file's text.</param>
public sealed record SnippetFile(string? Name, string? Content);
