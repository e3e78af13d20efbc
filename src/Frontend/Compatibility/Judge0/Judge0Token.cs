namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>What creating a submission answers without <c>wait</c>: its token (our submission id).</summary>
public sealed record Judge0Token(string Token);
