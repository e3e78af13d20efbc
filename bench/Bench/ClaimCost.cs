using System.Diagnostics;
using CodeRunner.Client;
using CodeRunner.Cluster;
using CodeRunner.Runs;
using CodeRunner.Submissions;
using CodeRunner.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRunner.Bench;

/// <summary>
/// Claim cost per submission as the number of silos grows: 1, 3 and 10 simulated silos (real
/// store, claimer and membership; runs that take 20 ms) share one PostgreSQL database each round.
/// </summary>
internal static class ClaimCost
{
    private const int Submissions = 300;

    public static async Task PrintAsync(PostgresServer postgres)
    {
        Console.WriteLine();
        Console.WriteLine("| simulated silos | submissions | claim queries | queries per submission | submit → result p50 ms | p95 ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var silos in new[] { 1, 3, 10 })
        {
            var database = await postgres.CreateDatabaseAsync();
            var hosts = new List<Microsoft.Extensions.Hosting.IHost>();
            try
            {
                for (var i = 0; i < silos; i++)
                    hosts.Add(await SimulatedSilo.StartAsync(database, $"sim{i}", slots: 4));
                await using var client = new ServiceCollection().AddLogging()
                    .AddClusterClient(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Store:ConnectionString"] = database }).Build())
                    .BuildServiceProvider();
                var cluster = client.GetRequiredService<IClusterClient>();
                await SimulatedSilo.WaitPublishedAsync(client.GetRequiredService<Storage.IClusterStore>(), silos);
                var before = hosts.Sum(h => h.Services.GetRequiredService<SubmissionClaimer>().ClaimAttempts);

                var latencies = new List<double>();
                await Parallel.ForEachAsync(Enumerable.Range(0, Submissions), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
                {
                    var watch = Stopwatch.StartNew();
                    var submission = await cluster.SubmitAsync(new SubmissionRequest(new RunRequest("bash", [new SourceFile("main.sh", "echo hi")])), ct);
                    await cluster.WaitAsync(submission.Id, TimeSpan.FromMinutes(1), ct);
                    lock (latencies)
                        latencies.Add(watch.Elapsed.TotalMilliseconds);
                });
                var attempts = hosts.Sum(h => h.Services.GetRequiredService<SubmissionClaimer>().ClaimAttempts) - before;
                latencies.Sort();
                Console.WriteLine($"| {silos} | {Submissions} | {attempts} | {(double)attempts / Submissions:F2} | {latencies[latencies.Count / 2]:F1} | {latencies[latencies.Count * 95 / 100]:F1} |");
            }
            finally
            {
                foreach (var host in hosts)
                {
                    await host.StopAsync();
                    host.Dispose();
                }
            }
        }
    }
}
