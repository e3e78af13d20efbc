using CodeRunner.Runs;

namespace CodeRunner.Sessions;

/// <summary>
/// The first message of an interactive session (<c>{"type":"start",…}</c>, docs/api.md): what to
/// run, and whether on a terminal. <see cref="Language"/> may carry a version selector after an
/// <c>@</c> (<c>python@3</c>), or <see cref="Version"/> may.
/// </summary>
public sealed record SessionStart(
    string? Type,
    string? Language,
    IReadOnlyList<SourceFile>? Files,
    IReadOnlyList<string>? Args = null,
    IReadOnlyList<string>? CompileOptions = null,
    ResourceLimits? Limits = null,
    bool Tty = false,
    int Cols = 80,
    int Rows = 24,
    string? Version = null)
{
    /// <summary>The language name without its version selector.</summary>
    public string LanguageName => Language is { } l && l.IndexOf('@', StringComparison.Ordinal) is var at and >= 0 ? l[..at] : Language ?? "";

    /// <summary>The version selector, from <c>language@selector</c> or <see cref="Version"/>.</summary>
    public string? VersionSelector => Language is { } l && l.IndexOf('@', StringComparison.Ordinal) is var at and >= 0 ? l[(at + 1)..] : Version;

    /// <summary>The batch request with the same program, for the checks and the plan that batch runs use.</summary>
    public RunRequest ToRunRequest() => new(LanguageName, Files ?? [], Args: Args, CompileOptions: CompileOptions, Limits: Limits);
}
