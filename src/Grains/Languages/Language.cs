namespace CodeRunner.Languages;

/// <summary>A language ready to run: its definition, the image that serves it and the toolchain version.</summary>
public sealed record Language(LanguageDefinition Definition, string Image, string Version)
{
    public string Id => Definition.Id;

    /// <summary>The hard memory limit of this language's containers: the largest step limit plus the launcher's share.</summary>
    public long ContainerMemoryBytes(long overheadBytes) =>
        Math.Max(Definition.Limits.Maximum.MemoryBytes, Definition.CompileLimits?.MemoryBytes ?? 0) + overheadBytes;

    public LanguageInfo ToInfo() => new(
        Definition.Id,
        Definition.Name,
        Version,
        Definition.Aliases,
        Definition.Extensions,
        Definition.SourceFile,
        Definition.Compile is not null,
        Definition.Limits.Default,
        Definition.Limits.Maximum,
        Definition.MaxProcesses);
}
