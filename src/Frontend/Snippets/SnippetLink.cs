namespace CodeRunner.Frontend.Snippets;

/// <summary>What <c>POST /api/v1/snippets</c> answers.</summary>
/// <param name="Id">The snippet's id: 12 characters of [0-9A-Za-z], random (about 71 bits).</param>
/// <param name="Url">The playground with this snippet open (<c>…/?s=ID</c>), as this request reached the service.</param>
public sealed record SnippetLink(string Id, string Url);
