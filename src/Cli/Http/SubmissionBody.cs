using CodeRunner.Runs;

namespace CodeRunner.Cli.Http;

/// <summary>The body of <c>POST /api/v1/submissions</c>, with only the fields the CLI sets.</summary>
public sealed record SubmissionBody(
    string Language,
    IReadOnlyList<SourceFile> Files,
    string? Stdin,
    ContentEncoding StdinEncoding,
    IReadOnlyList<string>? Args,
    ResourceLimits? Limits,
    string? ExpectedOutput,
    ContentEncoding OutputEncoding);
