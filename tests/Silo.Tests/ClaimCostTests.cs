using CodeRunner.Client;
using CodeRunner.Cluster;
using CodeRunner.Runs;
using CodeRunner.Storage;
using CodeRunner.Submissions;
using CodeRunner.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CodeRunner.Tests;

/// <summary>
/// No thundering herd: with ten silos, claiming costs about one store query per submission, not
/// one per silo. The silos are simulated in this process (real store, real claimer and
/// membership, fake sandboxes), since the claim path does not depend on what runs.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClaimCostTests(PostgresServer server)
{
    [Fact]
    public async Task ClaimingCostsAboutOneQueryPerSubmissionWhateverTheNumberOfSilos()
    {
        const int siloCount = 10, submissions = 200;
        var connectionString = await server.CreateDatabaseAsync();
        var silos = new List<IHost>();
        try
        {
            for (var i = 0; i < siloCount; i++)
                silos.Add(await SimulatedSilo.StartAsync(connectionString, $"sim{i}", slots: 2));
            await using var client = ClientFor(connectionString);
            var store = client.GetRequiredService<IClusterStore>();
            await SimulatedSilo.WaitPublishedAsync(store, siloCount);
            var before = silos.Sum(h => h.Services.GetRequiredService<SubmissionClaimer>().ClaimAttempts);

            var ids = new List<Guid>();
            foreach (var chunk in Enumerable.Range(0, submissions).Chunk(20))
            {
                var batch = await client.GetRequiredService<IClusterClient>().SubmitBatchAsync(
                    chunk.Select(i => new SubmissionRequest(new RunRequest("bash", [new SourceFile("main.sh", $"echo {i}")]))).ToList());
                ids.AddRange(batch.Select(s => s.Id));
            }
            foreach (var id in ids)
                Assert.Equal(SubmissionStatus.Completed, (await client.GetRequiredService<IClusterClient>().WaitAsync(id, TimeSpan.FromMinutes(1)))!.Status);

            var attempts = silos.Sum(h => h.Services.GetRequiredService<SubmissionClaimer>().ClaimAttempts) - before;
            // One claim when woken, one when a slot frees (which may find the queue empty): about
            // two per submission. Waking every silo per submission would cost ten or more.
            Assert.InRange(attempts, submissions / 2, submissions * 5 / 2);
            Console.WriteLine($"claim attempts with {siloCount} silos: {attempts} for {submissions} submissions ({(double)attempts / submissions:F2} each)");
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.StopAsync();
                silo.Dispose();
            }
        }
    }

    private static ServiceProvider ClientFor(string connectionString) => new ServiceCollection()
        .AddLogging()
        .AddClusterClient(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Store:ConnectionString"] = connectionString }).Build())
        .BuildServiceProvider();
}
