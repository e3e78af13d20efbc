using CodeRunner.Hosting;

namespace CodeRunner.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>Everything a silo runs: the sandbox engine of this node (and, with the cluster, membership and claiming).</summary>
    public static WebApplicationBuilder AddSilo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSandboxes(builder.Configuration);
        // Retiring every sandbox at shutdown takes a few seconds on a busy engine.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        return builder;
    }
}
