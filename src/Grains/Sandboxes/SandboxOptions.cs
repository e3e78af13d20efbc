namespace CodeRunner.Sandboxes;

/// <summary>How this node's sandboxes are made, pooled and retired.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandboxes";

    /// <summary>Container runtime: <c>runc</c>, or <c>runsc</c> for gVisor (stronger isolation, slower start). Default <c>runc</c>.</summary>
    public string Runtime { get; set; } = "runc";

    /// <summary>Warm sandboxes kept ready per language. Default 1.</summary>
    public int MinWarm { get; set; } = 1;

    /// <summary>Sandboxes per language at most (warm, busy and being made). Default 4.</summary>
    public int MaxPerLanguage { get; set; } = 4;

    /// <summary>Per-language overrides of <see cref="MinWarm"/> and <see cref="MaxPerLanguage"/>, by language id.</summary>
    public IDictionary<string, PoolSize> Pools { get; set; } = new Dictionary<string, PoolSize>();

    /// <summary>Runs a sandbox serves before it is retired and replaced. Default 200.</summary>
    public int MaxRunsPerSandbox { get; set; } = 200;

    /// <summary>A sandbox above the warm minimum that has been idle this long is retired. Default 5 min.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a run waits for a free sandbox before it fails. Default 60 s.</summary>
    public TimeSpan AcquireTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Deadline for making a sandbox ready (create, attach, start, launcher hello). Default 60 s.</summary>
    public TimeSpan CreateTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Sandboxes made at once per language; the engine is slow at creating containers on small hosts. Default 2.</summary>
    public int CreateConcurrency { get; set; } = 2;

    /// <summary>Deadline for a reset (kill, wipe, verify); gVisor wipes thousands of files slowly. A reset past it retires the sandbox. Default 30 s.</summary>
    public TimeSpan ResetTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long past a step's wall limit the silo waits for the launcher's answer before it declares the sandbox broken. Default 5 s.</summary>
    public TimeSpan LauncherGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>CPUs one sandbox may use (the container's CPU quota). Default 1.</summary>
    public double CpusPerSandbox { get; set; } = 1.0;

    /// <summary>Size of the work directory <c>/sandbox</c> (a tmpfs). Default 128 MiB.</summary>
    public long WorkDirectoryBytes { get; set; } = 128L << 20;

    /// <summary>Size of <c>/tmp</c> (a tmpfs). Default 64 MiB.</summary>
    public long TmpDirectoryBytes { get; set; } = 64L << 20;

    /// <summary>Files and directories each of those two may hold. Default 8192.</summary>
    public int Inodes { get; set; } = 8192;

    /// <summary>Memory added to a language's largest step limit to make its container's hard limit (launcher, slack). Default 32 MiB.</summary>
    public long MemoryOverheadBytes { get; set; } = 32L << 20;

    public PoolSize SizeFor(string languageId) =>
        Pools.TryGetValue(languageId, out var size) ? size : new PoolSize { MinWarm = MinWarm, Max = MaxPerLanguage };
}

/// <summary>Warm minimum and maximum of one language's pool.</summary>
public sealed class PoolSize
{
    public int MinWarm { get; set; }
    public int Max { get; set; } = 4;
}
