using CodeRunner.Languages;

namespace CodeRunner.Tests;

/// <summary>Languages from the repository's real definition files, for unit tests (no images needed).</summary>
internal static class TestLanguages
{
    public static readonly LanguageCatalog Catalog = new(
        LanguageDefinitionLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "languages"))
            .Select(d => new Language(d, $"test/{d.Id}:latest", "test")));

    public static Language Get(string id) => Catalog.Find(id)!;
}
