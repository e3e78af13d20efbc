using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CodeRunner.Tests;

/// <summary>
/// The Frontend in process, one per test class, on a private embedded store. <see cref="StatelessFrontend"/>
/// has no silo (no Docker): routing, validation and errors, and submissions stay Queued.
/// <see cref="SingleNodeFrontend"/> hosts a silo with real sandboxes, as the default single node does.
/// </summary>
public abstract class FrontendApp(bool hostSilo, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<CodeRunner.Frontend.Hosting.FrontendOptions>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("coderun-frontend-").FullName;

    public bool HostSilo { get; } = hostSilo;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Frontend:HostSilo", HostSilo ? "true" : "false");
        builder.UseSetting("Store:EmbeddedPath", Path.Combine(_directory, "coderun.db"));
        builder.UseSetting("Frontend:MaxWait", "00:00:30");
        builder.UseSetting("Silo:SiloName", SiloName);
        builder.UseSetting("Languages:Enabled:0", "python");
        builder.UseSetting("Languages:Enabled:1", "bash");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests poll and fuzz far faster than an editor; the limits have tests of their own (EdgeTests).
        builder.UseSetting("Auth:AnonymousRequestsPerMinute", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
    }

    private int _retired;

    public string SiloName => $"frontend-test-{Path.GetFileName(_directory).ToLowerInvariant()}";

    protected override void Dispose(bool disposing)
    {
        // The factory calls this again from its own DisposeAsync, after the services are gone.
        if (disposing && HostSilo && Interlocked.Exchange(ref _retired, 1) == 0)
        {
            Support.NodeTeardown.RetireSandboxes(Services, SiloName);
        }
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>Anonymous access on: these tests are about routing and validation; keys have tests of their own (EdgeTests).</summary>
public sealed class StatelessFrontend() : FrontendApp(hostSilo: false, new Dictionary<string, string>
{
    ["Auth:AllowAnonymous"] = "true",
});

public sealed class SingleNodeFrontend() : FrontendApp(hostSilo: true);

/// <summary>A stateless frontend with settings of the test's own.</summary>
public sealed class ConfiguredFrontend(IReadOnlyDictionary<string, string> settings) : FrontendApp(hostSilo: false, settings);

/// <summary>A single node whose webhooks may call loopback (the test's receiver) and retry fast.</summary>
public sealed class WebhookFrontend() : FrontendApp(hostSilo: true, new Dictionary<string, string>
{
    ["Webhooks:AllowLoopback"] = "true",
    ["Webhooks:SigningSecret"] = WebhookFrontend.Secret,
    ["Webhooks:FirstRetryDelay"] = "00:00:00.100",
    ["Webhooks:MaxAttempts"] = "3",
})
{
    public const string Secret = "test-signing-secret";
}
