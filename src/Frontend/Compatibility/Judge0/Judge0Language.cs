namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>A language in <c>GET /languages</c>: Judge0's id and a display name.</summary>
public sealed record Judge0Language(int Id, string Name);
