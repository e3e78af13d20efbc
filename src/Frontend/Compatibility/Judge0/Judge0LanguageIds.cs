using CodeRunner.Languages;

namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>
/// Judge0 CE's own language ids for the languages both have, because real clients hard-code them.
/// A language Judge0 does not have gets a stable id of its own, 10000 to 99999, derived from its
/// id (the same on every node and across restarts, whatever else is installed).
/// </summary>
internal static class Judge0LanguageIds
{
    private static readonly Dictionary<string, int> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bash"] = 46,
        ["c"] = 50,
        ["cpp"] = 54,
        ["go"] = 60,
        ["java"] = 62,
        ["javascript"] = 63,
        ["python"] = 71,
        ["ruby"] = 72,
    };

    public static int IdOf(string language) =>
        Known.TryGetValue(language, out var id) ? id : 10_000 + (int)(Fnv1a(language.ToLowerInvariant()) % 90_000);

    public static LanguageInfo? Find(IReadOnlyList<LanguageInfo> languages, int id) =>
        languages.FirstOrDefault(l => IdOf(l.Id) == id);

    /// <summary>Judge0's naming, "Python (3.11.2)": our name and the toolchain's version when a silo has reported it.</summary>
    public static string NameOf(LanguageInfo language) =>
        ToolchainVersion.Semver(language.Version) is { } version ? $"{language.Name} ({version})" : language.Name;

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
