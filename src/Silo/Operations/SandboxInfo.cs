namespace CodeRunner.Silo.Operations;

/// <summary>One sandbox container on a silo, as operators see it.</summary>
/// <param name="Id">The sandbox's id (its container carries it in its name).</param>
/// <param name="SiloName">The silo that owns it.</param>
/// <param name="Language">Its language id.</param>
/// <param name="State">Creating, Warm, Busy, Resetting, Retiring or Retired.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="RunsServed">Runs it has served.</param>
/// <param name="LastVerdict">The verdict of the last run it served; null before its first.</param>
/// <param name="Runtime">The OCI runtime: <c>runc</c>, or <c>runsc</c> (gVisor).</param>
public sealed record SandboxInfo(
    string Id, string SiloName, string Language, string State, DateTimeOffset CreatedAt, int RunsServed, string? LastVerdict, string Runtime);
