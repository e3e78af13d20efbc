namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>A Judge0 status: its numeric id and its description, exactly as Judge0 names them.</summary>
public sealed record Judge0Status(int Id, string Description);
