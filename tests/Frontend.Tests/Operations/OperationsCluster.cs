using System.Net.Http.Json;
using System.Text.Json;
using CodeRunner.Tests.Support;

namespace CodeRunner.Tests.Operations;

/// <summary>
/// A real cluster for one test: a private PostgreSQL server, silo processes (real sandboxes), and a
/// stateless frontend listening on a loopback port (Kestrel), all on the same store. Anonymous
/// access is on, so callers on loopback (the test, the browser) are operators.
/// </summary>
public sealed class OperationsCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];

    private OperationsCluster(PostgresServer server, string connectionString, ConfiguredFrontend frontend)
    {
        Server = server;
        ConnectionString = connectionString;
        Frontend = frontend;
    }

    public PostgresServer Server { get; }

    public string ConnectionString { get; }

    public ConfiguredFrontend Frontend { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    /// <summary>The frontend's address (http://127.0.0.1:PORT/).</summary>
    public Uri BaseAddress => Frontend.ClientOptions.BaseAddress;

    public HttpClient Http { get; private set; } = null!;

    public static async Task<OperationsCluster> StartAsync(params string[] siloNames)
    {
        var server = await PostgresServer.StartNewAsync();
        var connectionString = await server.CreateDatabaseAsync();
        var prefix = $"ops{Guid.NewGuid().ToString("N")[..6]}";
        var frontend = new ConfiguredFrontend(new Dictionary<string, string>
        {
            ["Store:ConnectionString"] = connectionString,
            ["Auth:AllowAnonymous"] = "true",
            ["Cluster:Membership:IAmAliveTablePublishTimeout"] = "00:00:00.500",
            ["Operations:StreamInterval"] = "00:00:00.500",
        });
        var cluster = new OperationsCluster(server, connectionString, frontend);
        try
        {
            // One after another: each builds its pools on a 2-core machine.
            foreach (var name in siloNames)
                cluster._silos.Add(await SiloProcess.StartAsync($"{prefix}-{name}", connectionString));
            frontend.UseKestrel(0);
            frontend.StartServer();
            cluster.Http = new HttpClient { BaseAddress = cluster.BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
            // Ready is not yet published: wait for each silo's first heartbeat with its pools in it.
            foreach (var silo in cluster._silos)
                await Eventually.True(async () => (await cluster.SiloAsync(silo)).GetProperty("languages").EnumerateObject().Any(),
                    TimeSpan.FromSeconds(30), $"{silo.Name} publishes its pools");
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>The silos as the admin API shows them.</summary>
    public async Task<List<JsonElement>> SilosAsync() =>
        [.. (await Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/silos")).EnumerateArray()];

    public async Task<JsonElement> SiloAsync(SiloProcess silo) =>
        (await SilosAsync()).First(s => s.GetProperty("siloName").GetString() == silo.Name && s.GetProperty("state").GetString() is not ("Left" or "Dead"));

    /// <summary>Runs a Python program through the frontend and returns the completed submission document.</summary>
    public async Task<JsonElement> RunAsync(string source)
    {
        var answer = await Http.PostAsync("/api/v1/submissions?wait=true",
            JsonContent.Create(new { language = "python", source }));
        var document = await answer.ReadJsonAsync();
        Assert.Equal("Completed", document.GetProperty("status").GetString());
        return document;
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await Frontend.DisposeAsync();
        foreach (var silo in _silos)
            await silo.DisposeAsync(); // SIGTERM: each removes its own containers and leaves
        await Server.DisposeAsync();
    }
}
