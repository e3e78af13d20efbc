namespace CodeRunner.Frontend.Snippets;

/// <summary>Shared snippets of the playground (<c>/api/v1/snippets</c>).</summary>
public sealed class SnippetOptions
{
    public const string SectionName = "Snippets";

    /// <summary>Files in one snippet. Default 16.</summary>
    public int MaxFiles { get; set; } = 16;

    /// <summary>UTF-8 bytes of all the files' contents together. Default 256 KiB: a snippet is something to read, not a project.</summary>
    public int MaxSourceBytes { get; set; } = 256 * 1024;

    /// <summary>UTF-8 bytes of a snippet's stdin. Default 64 KiB.</summary>
    public int MaxStdinBytes { get; set; } = 64 * 1024;
}
