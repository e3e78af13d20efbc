using System.Text.Json.Serialization;

namespace CodeRunner.Frontend.Compatibility.Piston;

/// <summary>One entry of <c>GET /api/v2/runtimes</c>.</summary>
public sealed record PistonRuntime(
    string Language,
    string Version,
    IReadOnlyList<string> Aliases,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Runtime);
