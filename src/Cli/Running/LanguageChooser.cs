using CodeRunner.Cli.Http;

namespace CodeRunner.Cli.Running;

/// <summary>The language of a run: <c>--language</c> as given (the service checks it), else the one whose extensions hold the entry point's.</summary>
public static class LanguageChooser
{
    public static async Task<string> ChooseAsync(string? language, FileInfo entryPoint, CodeRunClient client, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(language))
            return language;
        var extension = entryPoint.Extension;
        if (extension.Length == 0)
            throw new UsageException($"{entryPoint.Name} has no extension: give --language");
        var languages = await client.GetLanguagesAsync(ct);
        var match = languages.FirstOrDefault(l => l.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
        return match?.Id ?? throw new UsageException(
            $"no language of the service has the extension {extension}: give --language " +
            $"(known: {string.Join(", ", languages.SelectMany(l => l.Extensions).Distinct())})");
    }
}
