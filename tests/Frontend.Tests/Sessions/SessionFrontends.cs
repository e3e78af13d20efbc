namespace CodeRunner.Tests.Sessions;

/// <summary>A single node (real sandboxes) serving Python and C sessions.</summary>
public sealed class SessionFrontend() : ListeningFrontend(hostSilo: true, new Dictionary<string, string>
{
    ["Languages:Enabled:2"] = "c",
});

/// <summary>A single node whose sessions idle out after 2 s, last 6 s at most, and may write 1 MiB.</summary>
public sealed class ShortIdleFrontend() : ListeningFrontend(hostSilo: true, new Dictionary<string, string>
{
    ["Sessions:IdleTimeout"] = "00:00:02",
    ["Sessions:MaxDuration"] = "00:00:06",
    ["Sessions:MaxOutputBytes"] = "1048576",
    ["Sessions:MaxInputBytes"] = "65536",
});

/// <summary>No silo, anonymous allowed: start messages are checked at the edge, before any silo is involved.</summary>
public sealed class StatelessSessionFrontend() : ListeningFrontend(hostSilo: false, new Dictionary<string, string>
{
    ["Auth:AllowAnonymous"] = "true",
});

/// <summary>No silo, no anonymous access, no keys: every session is refused.</summary>
public sealed class KeyedSessionFrontend() : ListeningFrontend(hostSilo: false, new Dictionary<string, string>
{
    ["Auth:AllowAnonymous"] = "false",
});

/// <summary>No silo, anonymous callers limited to one request a minute.</summary>
public sealed class RateLimitedSessionFrontend() : ListeningFrontend(hostSilo: false, new Dictionary<string, string>
{
    ["Auth:AllowAnonymous"] = "true",
    ["Auth:AnonymousRequestsPerMinute"] = "1",
});

/// <summary>No silo, anonymous allowed, one open session per caller.</summary>
public sealed class OneSessionPerCallerFrontend() : ListeningFrontend(hostSilo: false, new Dictionary<string, string>
{
    ["Auth:AllowAnonymous"] = "true",
    ["Sessions:MaxPerCaller"] = "1",
});

/// <summary>A single node whose sandboxes run under gVisor (runsc), serving Python sessions.</summary>
public sealed class GvisorSessionFrontend() : ListeningFrontend(hostSilo: true, new Dictionary<string, string>
{
    ["Sandboxes:Runtime"] = "runsc",
});
