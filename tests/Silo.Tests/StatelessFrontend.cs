using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CodeRunner.Tests;

/// <summary>
/// A frontend that hosts no silo (<c>Frontend:HostSilo=false</c>), on the cluster's PostgreSQL and
/// a real Kestrel port: what a Kubernetes frontend replica is. It reaches silos only through the
/// membership table and their internal API.
/// </summary>
public sealed class StatelessFrontend(string connectionString, string internalKey) : WebApplicationFactory<CodeRunner.Frontend.Hosting.FrontendOptions>
{
    private readonly Lock _startLock = new();
    private bool _started;

    /// <summary>The <c>ws://</c> address of <c>/api/v1/sessions</c>; starts the server on first use.</summary>
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Frontend:HostSilo", "false");
        builder.UseSetting("Store:ConnectionString", connectionString);
        builder.UseSetting("InternalApi:Key", internalKey);
        builder.UseSetting("Auth:AllowAnonymous", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
