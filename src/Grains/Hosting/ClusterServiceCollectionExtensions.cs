using CodeRunner.Cluster;
using CodeRunner.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeRunner.Hosting;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// Membership of this silo (join, heartbeat, failure detection). Register before the sandboxes:
    /// hosted services start in order, and a silo joins before it makes any container, so no other
    /// silo can take its containers for a dead silo's ghosts.
    /// </summary>
    public static IServiceCollection AddClusterMembership(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.Any(d => d.ServiceType == typeof(IClusterStore)))
            services.AddClusterStore(configuration);
        services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection(ClusterMembershipOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SubmissionOptions>().Bind(configuration.GetSection(SubmissionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterMembershipOptions>, ClusterMembershipOptionsValidator>();
        services.AddSingleton<IValidateOptions<SubmissionOptions>, SubmissionOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SiloIdentity>();
        services.AddHostedService<MembershipAgent>();
        services.AddHostedService<SubmissionRetention>();
        services.AddOptions<Webhooks.WebhookOptions>().Bind(configuration.GetSection(Webhooks.WebhookOptions.SectionName));
        services.AddSingleton<Webhooks.WebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<Webhooks.WebhookSender>());
        return services;
    }

    /// <summary>Claiming and running submissions on this node's sandboxes. Register after the sandboxes: it stops first, so runs drain before the pools go.</summary>
    public static IServiceCollection AddSubmissionClaiming(this IServiceCollection services)
    {
        services.AddSingleton<ISiloCapacity, SandboxCapacity>();
        services.AddSingleton<ISubmissionRunner, SandboxSubmissionRunner>();
        services.AddSingleton<SubmissionClaimer>();
        services.AddHostedService(sp => sp.GetRequiredService<SubmissionClaimer>());
        services.AddSingleton<IDeadSiloCleanup>(sp => sp.GetRequiredService<Sandboxes.SandboxPools>());
        services.AddHostedService<Sandboxes.PoolSizeSync>();
        return services;
    }
}
