using CodeRunner.Client;
using CodeRunner.Runs;
using CodeRunner.Sandboxes;
using CodeRunner.Submissions;
using CodeRunner.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CodeRunner.Bench;

/// <summary>
/// The cluster path against a direct warm sandbox run, in interleaved rounds: Python hello world
/// submitted through the cluster client and awaited (notification-driven) on one node with the
/// embedded store, and on three silos sharing a PostgreSQL store, beside the same program run
/// straight through the node's <see cref="RunExecutor"/>. Each silo has 4 warm Python sandboxes.
/// </summary>
internal static class ClusterBenchmark
{
    private const string Hello = "print('hello')";
    private static readonly int[] Concurrencies = [1, 2, 4];

    public static async Task<int> RunAsync(TimeSpan block, int rounds)
    {
        Console.WriteLine($"# cluster path benchmark: {rounds} rounds of {block.TotalSeconds:F1} s blocks, {Environment.ProcessorCount} cores");
        var data = Directory.CreateTempSubdirectory("coderun-bench-cluster-");
        await using var postgres = await PostgresServer.StartNewAsync();
        var database = await postgres.CreateDatabaseAsync();
        var hosts = new List<IHost>();
        try
        {
            IDictionary<string, string?> Settings(string name, string? connectionString) => new Dictionary<string, string?>
            {
                ["Silo:SiloName"] = $"bench-{name}-{Environment.ProcessId}",
                ["Store:ConnectionString"] = connectionString,
                ["Store:EmbeddedPath"] = Path.Combine(data.FullName, "coderun.db"),
                ["Languages:Enabled:0"] = "python",
                ["Sandboxes:MinWarm"] = "4",
                ["Sandboxes:MaxPerLanguage"] = "4",
            };
            var single = await Node.StartAsync(Settings("single", null), withClient: true);
            hosts.Add(single);
            for (var i = 0; i < 3; i++)
                hosts.Add(await Node.StartAsync(Settings($"silo{i}", database), withClient: false));
            await using var clusterClient = new ServiceCollection().AddLogging()
                .AddClusterClient(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Store:ConnectionString"] = database }).Build())
                .BuildServiceProvider();
            foreach (var host in hosts)
                await WaitWarmAsync(host.Services.GetRequiredService<SandboxPools>(), 4);

            var direct = single.Services.GetRequiredService<RunExecutor>();
            var request = new RunRequest("python", [new SourceFile("main.py", Hello)]);
            Variant[] variants =
            [
                new("direct sandbox run (1 node)", "python", async ct => (await direct.RunAsync(request, ct)).Stdout == "hello\n"),
                new("cluster client, embedded store (1 node)", "python", ct => ThroughClusterAsync(single.Services.GetRequiredService<IClusterClient>(), request, ct)),
                new("cluster client, PostgreSQL (3 silos)", "python", ct => ThroughClusterAsync(clusterClient.GetRequiredService<IClusterClient>(), request, ct)),
            ];
            var results = await Blocks.RunRoundsAsync(variants, Concurrencies, block, rounds, warmUps: 5);
            Print(variants, results);
            await ClaimCost.PrintAsync(postgres);
            return results.Values.Any(m => m.Failures > 0) ? 1 : 0;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync();
                host.Dispose();
            }
            data.Delete(recursive: true);
        }
    }

    private static async Task<bool> ThroughClusterAsync(IClusterClient client, RunRequest request, CancellationToken ct)
    {
        var submission = await client.SubmitAsync(new SubmissionRequest(request), ct);
        var done = await client.WaitAsync(submission.Id, TimeSpan.FromMinutes(1), ct);
        return done?.Result?.Stdout == "hello\n";
    }

    private static async Task WaitWarmAsync(SandboxPools pools, int count)
    {
        await pools.Ready;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (pools.Pools.Any(p => p.WarmCount < count))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("pools did not fill in time");
            await Task.Delay(100);
        }
    }

    private static void Print(Variant[] variants, Dictionary<(Variant, int), Measurements> results)
    {
        Console.WriteLine();
        Console.WriteLine("| variant | callers | runs | p50 ms | p95 ms | p99 ms | runs/s | p50 added to direct | runs/s ÷ direct | failures |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in Concurrencies)
        {
            var baseline = results[(variants[0], n)];
            foreach (var variant in variants)
            {
                var m = results[(variant, n)];
                Console.WriteLine($"| {variant.Name} | {n} | {m.Runs} | {m.Percentile(50):F1} | {m.Percentile(95):F1} | {m.Percentile(99):F1} | {m.RunsPerSecond:F1} | " +
                                  $"{m.Percentile(50) - baseline.Percentile(50):+0.0;-0.0} ms | {m.RunsPerSecond / baseline.RunsPerSecond:F2}× | {m.Failures} |");
            }
        }
    }
}
