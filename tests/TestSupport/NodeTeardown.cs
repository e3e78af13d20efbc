using CodeRunner.Docker;
using CodeRunner.Sandboxes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeRunner.Tests.Support;

/// <summary>
/// For tests that host a node in a WebApplicationFactory: the factory disposes the services before
/// the host has stopped them, so the node's sandboxes are retired first, while the engine client
/// is alive, and the test fails if any container of the silo is left.
/// </summary>
public static class NodeTeardown
{
    public static void RetireSandboxes(IServiceProvider services, string siloName)
    {
        try
        {
            services.GetRequiredService<SandboxPools>().DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (ObjectDisposedException)
        {
            // The host has already stopped and disposed itself (its own shutdown retires every
            // sandbox): what counts is the check below, that nothing of the silo is left.
        }
        using var docker = new DockerClient(Options.Create(new DockerOptions()));
        var left = docker.ListContainersAsync([$"{SandboxLabels.Silo}={siloName}"], CancellationToken.None).GetAwaiter().GetResult();
        if (left.Count > 0)
            throw new InvalidOperationException($"{left.Count} containers of {siloName} were left behind.");
    }
}
