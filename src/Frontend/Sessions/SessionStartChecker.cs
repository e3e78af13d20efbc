using CodeRunner.Frontend.Languages;
using CodeRunner.Languages;
using CodeRunner.Runs;
using CodeRunner.Sessions;
using CodeRunner.Submissions;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Sessions;

/// <summary>
/// Checks a start message at the edge, with the same rules as a batch request (language and version
/// selector, file names, sizes, limits), so that bad input costs no silo a connection.
/// </summary>
public sealed class SessionStartChecker(IClusterClient cluster, IOptions<LanguageOptions> languages, IOptions<RunOptions> runOptions)
{
    // Checking needs only the definitions: the image and version belong to the silos.
    private readonly Lazy<LanguageCatalog> _catalog = new(() =>
        new LanguageCatalog(LanguageDefinitionLoader.LoadDirectory(languages.Value.Directory).Select(d => new Language(d, "", ""))));

    /// <summary>The language's id when the start is acceptable; else a <see cref="SessionClosedException"/> (4400) saying why.</summary>
    public async Task<string> CheckAsync(SessionStart start, CancellationToken ct)
    {
        var language = LanguageNames.Find(await cluster.GetLanguagesAsync(ct), start.LanguageName)
            ?? throw new SessionClosedException(SessionCloseCodes.BadRequest, $"language: unknown language '{start.LanguageName}'; GET /api/v1/languages lists them");
        if (start.VersionSelector is { } selector && !VersionSelector.Accepts(selector, language.Version))
            throw new SessionClosedException(SessionCloseCodes.BadRequest, $"language: {language.Id} is {language.Version}; '{selector}' does not match it");
        try
        {
            RunPlanner.Plan(start.ToRunRequest() with { Language = language.Id }, _catalog.Value, runOptions.Value);
        }
        catch (RunRequestException e)
        {
            throw new SessionClosedException(SessionCloseCodes.BadRequest, string.Join("; ", e.Errors.Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}")));
        }
        return language.Id;
    }
}
