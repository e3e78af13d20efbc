using CodeRunner.Client;
using CodeRunner.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CodeRunner.Bench;

/// <summary>A silo host in this process, composed as the Silo and Frontend hosts compose it (without the web server).</summary>
internal static class Node
{
    public static async Task<IHost> StartAsync(IDictionary<string, string?> settings, bool withClient)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddClusterMembership(builder.Configuration);
        builder.Services.AddSandboxes(builder.Configuration);
        builder.Services.AddSubmissionClaiming();
        if (withClient)
            builder.Services.AddClusterClient(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
