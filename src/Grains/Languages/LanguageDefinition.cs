
namespace CodeRunner.Languages;

/// <summary>
/// One language, as its data file <c>languages/&lt;id&gt;.json</c> defines it. Adding a language is
/// adding such a file and building its image (docs/languages.md).
/// </summary>
public sealed record LanguageDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> Extensions { get; init; } = [];
    /// <summary>Name a single source file is stored as; also the entry point (<c>{entry}</c>).</summary>
    public required string SourceFile { get; init; }
    public required LanguageImageDefinition Image { get; init; }
    /// <summary>Compile command (argv), or null for an interpreted language. Placeholders: <c>{sources}</c>, <c>{entry}</c>, <c>{options}</c>.</summary>
    public IReadOnlyList<string>? Compile { get; init; }
    /// <summary>Limits of the compile step; required when <see cref="Compile"/> is set.</summary>
    public ResourceLimitValues? CompileLimits { get; init; }
    /// <summary>Run command (argv). Placeholders: <c>{entry}</c>, <c>{args}</c>.</summary>
    public required IReadOnlyList<string> Run { get; init; }
    /// <summary>Environment variables added to the sandbox's base environment for both steps.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    public required LanguageLimits Limits { get; init; }
    /// <summary>Processes and threads a sandbox may hold at once (the container's pids limit).</summary>
    public int MaxProcesses { get; init; } = 64;
}

/// <summary>What goes into a language's image.</summary>
/// <param name="Packages">Debian packages installed on top of the base image.</param>
/// <param name="VersionCommand">Shell command whose output is the toolchain version, run at build time.</param>
public sealed record LanguageImageDefinition(IReadOnlyList<string> Packages, string VersionCommand);

/// <summary>A language's default and maximum run limits.</summary>
public sealed record LanguageLimits(ResourceLimitValues Default, ResourceLimitValues Maximum);
