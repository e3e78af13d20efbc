using System.Text.Json.Serialization;

namespace CodeRunner.Frontend.Compatibility.Piston;

/// <summary>Piston's answer: the runtime used, the run stage, and the compile stage for languages that compile.</summary>
public sealed record PistonExecuteResponse(
    string Language,
    string Version,
    PistonStage Run,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PistonStage? Compile);
