using CodeRunner.Client;
using CodeRunner.Hosting;
using CodeRunner.Runs;
using CodeRunner.Submissions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CodeRunner.Tests;

/// <summary>With no store configured, one process runs silo and client on the embedded store, and what it accepted survives a restart.</summary>
public sealed class SingleNodeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("coderun-single-").FullName;

    private string DatabasePath => Path.Combine(_directory, "coderun.db");

    [Fact]
    public async Task ResultsAndQueuedSubmissionsSurviveARestart()
    {
        Guid finished;
        using (var node = await StartNodeAsync())
        {
            var client = node.Services.GetRequiredService<IClusterClient>();
            finished = (await client.SubmitAsync(new SubmissionRequest(new RunRequest("bash", [new SourceFile("main.sh", "echo before")])))).Id;
            Assert.Equal("before\n", (await client.WaitAsync(finished, TimeSpan.FromMinutes(2)))!.Result!.Stdout);
            await node.StopAsync();
        }

        // Accepted while no silo runs (the node is down): a client alone writes to the same file.
        Guid queued;
        await using (var clientOnly = new ServiceCollection().AddLogging().AddClusterClient(Settings()).BuildServiceProvider())
            queued = (await clientOnly.GetRequiredService<IClusterClient>().SubmitAsync(
                new SubmissionRequest(new RunRequest("bash", [new SourceFile("main.sh", "echo after")])))).Id;

        using (var node = await StartNodeAsync())
        {
            var client = node.Services.GetRequiredService<IClusterClient>();
            var before = await client.GetAsync(finished);
            Assert.Equal("before\n", before!.Result!.Stdout);
            var after = await client.WaitAsync(queued, TimeSpan.FromMinutes(2));
            Assert.Equal(SubmissionStatus.Completed, after!.Status);
            Assert.Equal("after\n", after.Result!.Stdout);
            await node.StopAsync();
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private IConfiguration Settings() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Store:EmbeddedPath"] = DatabasePath,
        ["Silo:SiloName"] = $"single-{Path.GetFileName(_directory).ToLowerInvariant()}",
        ["Languages:Enabled:0"] = "bash",
    }).Build();

    private async Task<IHost> StartNodeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(Settings());
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        // The same composition as the Frontend's single node (AddSilo), without the web server.
        builder.Services.AddClusterMembership(builder.Configuration);
        builder.Services.AddSandboxes(builder.Configuration);
        builder.Services.AddSubmissionClaiming();
        builder.Services.AddClusterClient(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
