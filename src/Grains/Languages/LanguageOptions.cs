namespace CodeRunner.Languages;

/// <summary>Where language definitions and image sources are, and what to do about missing images.</summary>
public sealed class LanguageOptions
{
    public const string SectionName = "Languages";

    /// <summary>Folder of the language definition files. Default: <c>languages</c> next to the binaries.</summary>
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "languages");

    /// <summary>Folder holding <c>language.Dockerfile</c> and <c>launcher/launcher.c</c>. Default: <c>images</c> next to the binaries.</summary>
    public string ImagesDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "images");

    /// <summary>Base image the language images start from. Default <c>coderun/base:bookworm</c>.</summary>
    public string BaseImage { get; set; } = "coderun/base:bookworm";

    /// <summary>Image repository prefix; a language's image is <c>{prefix}-{id}:{hash}</c>. Default <c>coderun/lang</c>.</summary>
    public string ImageRepository { get; set; } = "coderun/lang";

    /// <summary>Build a language's image at start-up when the engine lacks it (slow the first time). Default true.</summary>
    public bool BuildMissingImages { get; set; } = true;

    /// <summary>Only these language ids are served; empty means every definition found. Default empty.</summary>
    public IList<string> Enabled { get; set; } = [];
}
