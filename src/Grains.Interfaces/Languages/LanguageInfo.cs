namespace CodeRunner.Languages;

/// <summary>A language the cluster runs, as clients see it.</summary>
/// <param name="Id">Stable id used in requests, such as <c>python</c>.</param>
/// <param name="Name">Display name, such as <c>Python 3</c>.</param>
/// <param name="Version">Toolchain version, read from the toolchain when its image was built.</param>
/// <param name="Aliases">Other names accepted for <paramref name="Id"/>.</param>
/// <param name="Extensions">File extensions that select this language, with the dot.</param>
/// <param name="SourceFile">The file name a single source is stored as.</param>
/// <param name="Compiled">Whether runs have a compile step.</param>
/// <param name="DefaultLimits">Limits a run gets when it sets none.</param>
/// <param name="MaximumLimits">The most a run may ask for.</param>
/// <param name="MaxProcesses">Processes and threads a run may have at once (fixed per language).</param>
public sealed record LanguageInfo(
    string Id,
    string Name,
    string Version,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Extensions,
    string SourceFile,
    bool Compiled,
    ResourceLimitValues DefaultLimits,
    ResourceLimitValues MaximumLimits,
    int MaxProcesses);
