using CodeRunner.Cluster;
using CodeRunner.Hosting;
using CodeRunner.Silo.Logs;

namespace CodeRunner.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Everything a silo runs, in start order: membership (joins first), the sandbox engine of this
    /// node, then claiming. Hosted services stop in reverse: claiming drains, sandboxes are removed,
    /// the silo leaves. The store is PostgreSQL with <c>Store:ConnectionString</c>, else embedded.
    /// </summary>
    public static WebApplicationBuilder AddSilo(this WebApplicationBuilder builder)
    {
        builder.AddLogRing(builder.Configuration["Silo:SiloName"] ?? Environment.MachineName);
        builder.Services.AddClusterMembership(builder.Configuration);
        var urls = builder.Configuration["urls"];
        builder.Services.PostConfigure<Membership.SiloOptions>(o =>
            o.AdvertisedAddress ??= AdvertisedAddress.FromUrls(urls, Environment.GetEnvironmentVariable("POD_IP")));
        builder.Services.AddOptions<InternalApiOptions>().Bind(builder.Configuration.GetSection(InternalApiOptions.SectionName));
        builder.Services.AddSandboxes(builder.Configuration);
        builder.Services.AddSubmissionClaiming();
        // Draining (Cluster:Submissions:ShutdownGrace, 20 s) and retiring every sandbox take time.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(90));
        return builder;
    }
}
