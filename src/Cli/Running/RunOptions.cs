using CodeRunner.Runs;

namespace CodeRunner.Cli.Running;

/// <summary>What <c>coderun run</c> was asked to do, parsed.</summary>
public sealed record RunOptions(
    IReadOnlyList<FileInfo> Files,
    string? Language,
    string? Stdin,
    ResourceLimits? Limits,
    IReadOnlyList<string> Args,
    FileInfo? Expected,
    bool Json);
