namespace CodeRunner.Cli.Http;

/// <summary>An RFC 7807 problem as the service sends it; <c>errors</c> maps a field to its messages.</summary>
public sealed record Problem(
    string? Type,
    string? Title,
    int? Status,
    string? Detail,
    IReadOnlyDictionary<string, string[]>? Errors);
