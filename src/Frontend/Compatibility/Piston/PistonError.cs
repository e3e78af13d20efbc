namespace CodeRunner.Frontend.Compatibility.Piston;

/// <summary>Piston's error body: <c>{"message": "…"}</c>.</summary>
public sealed record PistonError(string Message);
