using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CodeRunner.Tests;

/// <summary>
/// The Frontend in process, one per test class, on a private embedded store. <see cref="StatelessFrontend"/>
/// has no silo (no Docker): routing, validation and errors, and submissions stay Queued.
/// <see cref="SingleNodeFrontend"/> hosts a silo with real sandboxes, as the default single node does.
/// </summary>
public abstract class FrontendApp(bool hostSilo) : WebApplicationFactory<CodeRunner.Frontend.Hosting.FrontendOptions>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("coderun-frontend-").FullName;

    public bool HostSilo { get; } = hostSilo;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Frontend:HostSilo", HostSilo ? "true" : "false");
        builder.UseSetting("Store:EmbeddedPath", Path.Combine(_directory, "coderun.db"));
        builder.UseSetting("Frontend:MaxWait", "00:00:30");
        builder.UseSetting("Silo:SiloName", $"frontend-test-{Path.GetFileName(_directory).ToLowerInvariant()}");
        builder.UseSetting("Languages:Enabled:0", "python");
        builder.UseSetting("Languages:Enabled:1", "bash");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}

public sealed class StatelessFrontend() : FrontendApp(hostSilo: false);

public sealed class SingleNodeFrontend() : FrontendApp(hostSilo: true);
