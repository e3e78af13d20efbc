using System.Net;

namespace CodeRunner.Tests.Browser;

/// <summary>
/// A single node (a silo with real sandboxes) listening on a real loopback port, for a browser:
/// the playground as a user meets it after <c>scripts/run.sh</c>.
/// </summary>
public sealed class PlaygroundFrontend() : FrontendApp(hostSilo: true)
{
    private readonly Lock _gate = new();
    private bool _started;

    /// <summary>Starts Kestrel once (the class's tests share it) and waits until the node is ready to run programs; returns the base address.</summary>
    public async Task<Uri> StartAsync()
    {
        lock (_gate)
        {
            if (!_started)
            {
                UseKestrel(0);
                StartServer();
                _started = true;
            }
        }
        var http = CreateClient();
        await Support.Eventually.True(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromMinutes(3), "the node is ready");
        return ClientOptions.BaseAddress;
    }
}
