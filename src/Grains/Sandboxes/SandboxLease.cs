namespace CodeRunner.Sandboxes;

/// <summary>Exclusive use of one warm sandbox; disposing it hands the sandbox back to be reset (or retired when marked broken).</summary>
public sealed class SandboxLease : IDisposable
{
    private readonly SandboxPool _pool;
    private bool _released;

    internal SandboxLease(SandboxPool pool, SandboxGrain sandbox)
    {
        _pool = pool;
        Sandbox = sandbox;
    }

    public SandboxGrain Sandbox { get; }

    /// <summary>Set when the sandbox failed; it is retired rather than reset.</summary>
    public bool Broken { get; set; }

    public void Dispose()
    {
        if (_released)
            return;
        _released = true;
        _pool.Release(Sandbox, Broken);
    }
}
