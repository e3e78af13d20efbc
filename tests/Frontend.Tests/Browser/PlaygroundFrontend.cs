using System.Net;

namespace CodeRunner.Tests.Browser;

/// <summary>
/// A single node (a silo with real sandboxes) listening on a real loopback port, for a browser:
/// the playground as a user meets it after <c>scripts/run.sh</c>.
/// </summary>
public sealed class PlaygroundFrontend() : ListeningFrontend(hostSilo: true)
{
    /// <summary>Starts Kestrel once (the class's tests share it) and waits until the node is ready to run programs; returns the base address.</summary>
    public async Task<Uri> StartAsync()
    {
        var address = BaseAddress;
        var http = CreateClient();
        await Support.Eventually.True(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromMinutes(3), "the node is ready");
        return address;
    }
}
