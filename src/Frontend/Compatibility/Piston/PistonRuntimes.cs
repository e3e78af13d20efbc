using CodeRunner.Languages;
using CodeRunner.Frontend.Languages;

namespace CodeRunner.Frontend.Compatibility.Piston;

/// <summary>
/// Our languages under Piston's names (only C++ differs: Piston calls it <c>c++</c>), and Piston's
/// version selectors, matched loosely (docs/compatibility.md).
/// </summary>
internal static class PistonRuntimes
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase) { ["cpp"] = "c++" };

    private static readonly Dictionary<string, string> Runtimes = new(StringComparer.OrdinalIgnoreCase) { ["javascript"] = "node" };

    public static string NameOf(LanguageInfo language) => Names.GetValueOrDefault(language.Id, language.Id);

    public static string VersionOf(LanguageInfo language) => ToolchainVersion.SemverOrRaw(language.Version);

    public static PistonRuntime RuntimeOf(LanguageInfo language)
    {
        var name = NameOf(language);
        var aliases = language.Aliases.Where(a => !string.Equals(a, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (!string.Equals(name, language.Id, StringComparison.OrdinalIgnoreCase))
            aliases.Insert(0, language.Id);
        return new PistonRuntime(name, VersionOf(language), aliases, Runtimes.GetValueOrDefault(language.Id));
    }

    /// <summary>The language named <paramref name="name"/> (Piston name, id or alias) whose version <paramref name="selector"/> accepts.</summary>
    public static LanguageInfo? Find(IReadOnlyList<LanguageInfo> languages, string name, string selector) =>
        languages.FirstOrDefault(l =>
            (string.Equals(NameOf(l), name, StringComparison.OrdinalIgnoreCase) || l.IsNamed(name))
            && Accepts(selector, l.Version));

    /// <summary>Piston's version selectors, matched loosely (<see cref="Languages.VersionSelector"/>).</summary>
    public static bool Accepts(string selector, string version) => Languages.VersionSelector.Accepts(selector, version);
}
