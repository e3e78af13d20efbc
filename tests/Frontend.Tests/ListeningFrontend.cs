using Microsoft.Extensions.DependencyInjection;

namespace CodeRunner.Tests;

/// <summary>
/// A frontend on a real Kestrel port, started on first use: what browsers and WebSockets need
/// (the in-memory test server serves neither).
/// </summary>
public abstract class ListeningFrontend(bool hostSilo, IReadOnlyDictionary<string, string>? settings = null) : FrontendApp(hostSilo, settings)
{
    private readonly Lock _startLock = new();
    private bool _started;
    private int _drained;

    /// <summary>The <c>http://127.0.0.1:PORT/</c> it listens on; starts the server the first time.</summary>
    public Uri BaseAddress
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
            return ClientOptions.BaseAddress;
        }
    }

    /// <summary>The <c>ws://</c> address of <c>/api/v1/sessions</c>.</summary>
    public Uri SessionsUri => Support.SessionClient.SessionsUri(BaseAddress);

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
