using System.Text.Json.Serialization;

namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>Judge0's <c>{"error": "…"}</c> body, with the token when a submission was made all the same.</summary>
public sealed record Judge0Error(
    string Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Token = null);
