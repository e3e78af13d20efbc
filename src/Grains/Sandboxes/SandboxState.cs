namespace CodeRunner.Sandboxes;

/// <summary>The life of a sandbox: Creating → Warm ⇄ Busy → Resetting → Warm … → Retiring → Retired.</summary>
public enum SandboxState
{
    Creating,
    Warm,
    Busy,
    Resetting,
    Retiring,
    Retired,
}
