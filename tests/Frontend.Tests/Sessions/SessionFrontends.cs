using Microsoft.Extensions.DependencyInjection;

namespace CodeRunner.Tests.Sessions;

/// <summary>A frontend on a real Kestrel port (WebSockets need one), started on first use.</summary>
public abstract class ListeningFrontend(bool hostSilo, IReadOnlyDictionary<string, string> settings) : FrontendApp(hostSilo, settings)
{
    private readonly Lock _startLock = new();
    private bool _started;

    /// <summary>The <c>ws://</c> address of <c>/api/v1/sessions</c>.</summary>
    public Uri SessionsUri
    {
        get
        {
            lock (_startLock)
            {
                if (!_started)
                {
                    UseKestrel(0);
                    StartServer();
                    _started = true;
                }
            }
            return Support.SessionClient.SessionsUri(ClientOptions.BaseAddress);
        }
    }

    private int _drained;

    protected override void Dispose(bool disposing)
    {
        // A client sees the close before the server has handed its sandbox back: the node's
        // teardown must not retire a sandbox that a session is still releasing.
        if (disposing && HostSilo && _started && Interlocked.Exchange(ref _drained, 1) == 0
            && Services.GetService<CodeRunner.Sessions.SessionRegistry>() is { } sessions)
        {
            Support.Eventually.True(() => sessions.Count == 0, TimeSpan.FromSeconds(30), "every session has ended on the server")
                .GetAwaiter().GetResult();
        }
        base.Dispose(disposing);
    }
}

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
