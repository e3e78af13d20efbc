namespace CodeRunner.Sessions;

/// <summary>Limits of interactive sessions (<c>/api/v1/sessions</c>) on this node.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Sessions";

    /// <summary>A session with no input and no output for this long is closed (4408). Also the time the first message may take. Default 60 s.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A session is closed (4409) this long after its program started. Default 15 min.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// CPU time of the session's program when the start message sets no <c>limits.cpuTimeMs</c>
    /// (a session mostly waits for its user, so it gets more than a batch run's default). Default 60 s.
    /// </summary>
    public TimeSpan CpuTimeLimit { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Bytes of output (both streams) a session may send in all; more closes it (4413). Default 16 MiB.</summary>
    public int MaxOutputBytes { get; set; } = 16 << 20;

    /// <summary>Bytes of output per second, averaged over <see cref="OutputRateWindow"/>; more closes the session (4413). Default 1 MiB/s.</summary>
    public int MaxOutputBytesPerSecond { get; set; } = 1 << 20;

    /// <summary>The window over which the output rate is measured (a burst within it is fine). Default 10 s.</summary>
    public TimeSpan OutputRateWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Bytes of stdin a client may send in all; more closes the session (4413). Keeps a client that
    /// types into a program that never reads from filling the launcher's input queue. Default 16 MiB.
    /// </summary>
    public int MaxInputBytes { get; set; } = 16 << 20;

    /// <summary>
    /// Sessions one caller (an API key, or an anonymous address) may hold open at once on one
    /// frontend; more are closed at once with 4429. Keeps one stranger from holding every sandbox.
    /// 0 turns it off. Default 4.
    /// </summary>
    public int MaxPerCaller { get; set; } = 4;

    /// <summary>Sessions this silo runs at once; each also holds a sandbox of its language. Default 16.</summary>
    public int MaxConcurrentSessions { get; set; } = 16;

    /// <summary>Bytes of one client message (stdin text is sent in pieces of this size at most). Default 1 MiB.</summary>
    public int MaxMessageBytes { get; set; } = 1 << 20;
}
