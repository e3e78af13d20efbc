using CodeRunner.Languages;

namespace CodeRunner.Frontend.Languages;

/// <summary>A language is named by its id or any alias, in any case: the same rule as the cluster's catalog.</summary>
public static class LanguageNames
{
    public static bool IsNamed(this LanguageInfo language, string? name) =>
        name is not null && (string.Equals(language.Id, name, StringComparison.OrdinalIgnoreCase)
                             || language.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase));

    public static LanguageInfo? Find(IReadOnlyList<LanguageInfo> languages, string? name) =>
        languages.FirstOrDefault(l => l.IsNamed(name));
}
