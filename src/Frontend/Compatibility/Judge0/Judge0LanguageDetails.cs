namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>One language in <c>GET /languages/{id}</c>, with the fields of Judge0's answer we can fill.</summary>
public sealed record Judge0LanguageDetails(int Id, string Name, bool IsArchived, string SourceFile);
