namespace CodeRunner.Diagnostics;

/// <summary>Why a sandbox was retired: the <c>reason</c> label of <c>coderun_sandbox_retires_total</c>.</summary>
public enum RetireReason
{
    /// <summary>It served <c>Sandboxes:MaxRunsPerSandbox</c> runs.</summary>
    MaxRuns,

    /// <summary>Its reset could not prove it clean (or did not answer in time).</summary>
    ResetFailed,

    /// <summary>It failed during a run: the container died, the launcher went silent or spoke out of turn.</summary>
    Broken,

    /// <summary>It idled past <c>Sandboxes:IdleTimeout</c> above the warm minimum, or the pool shrank.</summary>
    Idle,

    /// <summary>The silo is stopping.</summary>
    Shutdown,
}
