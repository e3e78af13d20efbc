namespace CodeRunner.Frontend.Compatibility.Piston;

/// <summary>A file of a Piston job: an optional name, the content, and its encoding (<c>utf8</c>, <c>base64</c> or <c>hex</c>).</summary>
public sealed record PistonFile(string? Name = null, string? Content = null, string? Encoding = null);
