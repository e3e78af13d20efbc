namespace CodeRunner.Languages;

/// <summary>The languages this node serves, found by id or alias (case-insensitive).</summary>
public sealed class LanguageCatalog
{
    private readonly Dictionary<string, Language> _byName = new(StringComparer.OrdinalIgnoreCase);

    public LanguageCatalog(IEnumerable<Language> languages)
    {
        All = languages.OrderBy(l => l.Id, StringComparer.Ordinal).ToList();
        foreach (var language in All)
        {
            _byName[language.Id] = language;
            foreach (var alias in language.Definition.Aliases)
                _byName[alias] = language;
        }
    }

    public IReadOnlyList<Language> All { get; }

    public Language? Find(string name) => _byName.GetValueOrDefault(name);
}
