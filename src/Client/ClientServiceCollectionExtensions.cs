using CodeRunner.Languages;
using CodeRunner.Runs;
using CodeRunner.Storage;
using CodeRunner.Submissions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRunner.Client;

public static class ClientServiceCollectionExtensions
{
    /// <summary>The cluster client and the store it talks to (<c>Store:ConnectionString</c>, or the embedded store).</summary>
    public static IServiceCollection AddClusterClient(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.Any(d => d.ServiceType == typeof(IClusterStore)))
            services.AddClusterStore(configuration); // a single-node host registered it for its silo already
        services.AddOptions<LanguageOptions>().Bind(configuration.GetSection(LanguageOptions.SectionName));
        services.AddOptions<RunOptions>().Bind(configuration.GetSection(RunOptions.SectionName));
        services.AddOptions<ClusterClientOptions>().Bind(configuration.GetSection(ClusterClientOptions.SectionName));
        services.AddOptions<Webhooks.WebhookOptions>().Bind(configuration.GetSection(Webhooks.WebhookOptions.SectionName));
        services.AddSingleton<ClusterClient>();
        services.AddSingleton<IClusterClient>(sp => sp.GetRequiredService<ClusterClient>());
        // Calls to one given silo (sessions, operator actions) at its advertised address.
        services.AddOptions<Cluster.InternalApiOptions>().Bind(configuration.GetSection(Cluster.InternalApiOptions.SectionName));
        services.AddHttpClient(Silos.SiloConnections.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<Silos.SiloConnections>();
        return services;
    }
}
