using CodeRunner.Storage;

namespace CodeRunner.Frontend.Snippets;

/// <summary>What <c>GET /api/v1/snippets/{id}</c> answers.</summary>
/// <param name="Id">The snippet's id.</param>
/// <param name="Language">A language id.</param>
/// <param name="Files">The files, the entry point first.</param>
/// <param name="Stdin">The standard input saved with it; null when none was.</param>
/// <param name="CreatedAt">When it was shared.</param>
/// <param name="Url">The playground with this snippet open.</param>
public sealed record SnippetDocument(string Id, string Language, IReadOnlyList<SnippetFile> Files, string? Stdin, DateTimeOffset CreatedAt, string Url)
{
    public static SnippetDocument From(SnippetRecord snippet, string url) =>
        new(snippet.Id, snippet.Language, [.. snippet.Files.Select(f => new SnippetFile(f.Name, f.Content))], snippet.Stdin, snippet.CreatedAt, url);
}
