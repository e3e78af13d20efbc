namespace CodeRunner.Sandboxes;

/// <summary>Labels on every sandbox container, so a silo can find and remove what it (or a dead silo) left behind.</summary>
public static class SandboxLabels
{
    public const string Managed = "org.coderun.sandbox";
    public const string Silo = "org.coderun.silo";
    public const string Language = "org.coderun.language";
}
