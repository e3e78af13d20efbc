using System.Text.Json;
using System.Text.RegularExpressions;

namespace CodeRunner.Languages;

/// <summary>Reads and checks the language definition files; a bad file stops start-up with its name and the reason.</summary>
public static partial class LanguageDefinitionLoader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static IReadOnlyList<LanguageDefinition> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new InvalidOperationException($"Languages:Directory '{directory}' does not exist.");
        var definitions = Directory.EnumerateFiles(directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();
        var duplicate = definitions
            .SelectMany(d => d.Aliases.Prepend(d.Id))
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Language name '{duplicate.Key}' is used by more than one definition in '{directory}'.");
        return definitions;
    }

    public static LanguageDefinition Load(string path)
    {
        LanguageDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<LanguageDefinition>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Language definition '{path}' is not valid: {e.Message}", e);
        }
        if (definition is null)
            throw new InvalidOperationException($"Language definition '{path}' is empty.");
        var problem = Check(definition, Path.GetFileNameWithoutExtension(path));
        return problem is null ? definition : throw new InvalidOperationException($"Language definition '{path}': {problem}");
    }

    private static string? Check(LanguageDefinition d, string fileName)
    {
        if (!IdPattern().IsMatch(d.Id))
            return $"id '{d.Id}' must be lower-case letters, digits, '+', '-' or '.'.";
        if (d.Id != fileName)
            return $"id '{d.Id}' must match the file name.";
        if (d.Run.Count == 0)
            return "run must name a command.";
        if (d.Compile is { Count: 0 })
            return "compile, when present, must name a command.";
        if (d.Compile is not null && d.CompileLimits is null)
            return "compileLimits is required when compile is set.";
        if (d.SourceFile.Contains('/') || d.SourceFile.Length == 0)
            return "sourceFile must be a plain file name.";
        if (d.MaxProcesses is < 8 or > 4096)
            return "maxProcesses must be between 8 and 4096.";
        return CheckLimits(d.Limits.Default, "limits.default")
            ?? CheckLimits(d.Limits.Maximum, "limits.maximum")
            ?? (d.CompileLimits is null ? null : CheckLimits(d.CompileLimits, "compileLimits"))
            ?? CheckDefaultWithinMaximum(d.Limits);
    }

    private static string? CheckLimits(ResourceLimitValues l, string name) =>
        l.CpuTimeMs <= 0 || l.WallTimeMs <= 0 || l.MemoryBytes < 16 << 20 || l.FileSizeBytes <= 0 || l.StdoutBytes <= 0 || l.StderrBytes <= 0
            ? $"{name}: every limit must be positive, and memoryBytes at least 16 MiB."
            : null;

    private static string? CheckDefaultWithinMaximum(LanguageLimits l) =>
        l.Default.CpuTimeMs > l.Maximum.CpuTimeMs || l.Default.WallTimeMs > l.Maximum.WallTimeMs ||
        l.Default.MemoryBytes > l.Maximum.MemoryBytes || l.Default.FileSizeBytes > l.Maximum.FileSizeBytes ||
        l.Default.StdoutBytes > l.Maximum.StdoutBytes || l.Default.StderrBytes > l.Maximum.StderrBytes
            ? "every default limit must be at most its maximum."
            : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9+.-]*$")]
    private static partial Regex IdPattern();
}
