namespace CodeRunner.Storage;

// Snippets: the playground's shared code, immutable, read by id.
public partial interface IClusterStore
{
    /// <summary>
    /// Stores a snippet under its id. Returns the stored record, or null when the id is taken
    /// (the stored snippet is left as it is: snippets are immutable; the caller picks a new id).
    /// </summary>
    Task<SnippetRecord?> AddSnippetAsync(NewSnippet snippet, CancellationToken ct);

    /// <summary>The snippet with this id in this cluster, or null.</summary>
    Task<SnippetRecord?> GetSnippetAsync(string id, CancellationToken ct);
}
