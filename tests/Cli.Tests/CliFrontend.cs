using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRunner.Tests;

/// <summary>
/// A single node (frontend and silo, real Docker sandboxes for python and bash) on real Kestrel on a
/// free loopback port, on a private embedded store: the CLI talks to it over real HTTP.
/// </summary>
public sealed class CliFrontend : WebApplicationFactory<CodeRunner.Frontend.Hosting.FrontendOptions>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("coderun-cli-").FullName;

    public CliFrontend()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Endpoint = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal));
    }

    /// <summary>The address to give <c>--endpoint</c>.</summary>
    public string Endpoint { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Frontend:HostSilo", "true");
        builder.UseSetting("Store:EmbeddedPath", Path.Combine(_directory, "coderun.db"));
        builder.UseSetting("Silo:SiloName", SiloName);
        builder.UseSetting("Languages:Enabled:0", "python");
        builder.UseSetting("Languages:Enabled:1", "bash");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    private string SiloName => $"cli-test-{Path.GetFileName(_directory).ToLowerInvariant()}";

    protected override void Dispose(bool disposing)
    {
        // The factory disposes the services before the host has stopped them (and calls this
        // again from its own DisposeAsync): retire the node's sandboxes first, once, while the
        // engine client is alive, and check none is left.
        if (disposing && Interlocked.Exchange(ref _retired, 1) == 0)
        {
            Support.NodeTeardown.RetireSandboxes(Services, SiloName);
        }
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    private int _retired;
}
