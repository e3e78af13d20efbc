using CodeRunner.Cluster;
using CodeRunner.Hosting;
using CodeRunner.Runs;
using CodeRunner.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CodeRunner.Tests.Support;

/// <summary>
/// A silo without sandboxes: real store, membership and claimer, and a fake capacity of
/// <c>bash</c> slots whose runs take 20 ms. For measuring the claim path, which does not depend
/// on what runs, with more silos than a 2-core machine could host for real.
/// </summary>
public static class SimulatedSilo
{
    public const string Language = "bash";

    public static async Task<IHost> StartAsync(string connectionString, string name, int slots)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:ConnectionString"] = connectionString,
            ["Silo:SiloName"] = name,
            ["Cluster:Membership:IAmAliveTablePublishTimeout"] = "00:00:00.200",
            ["Cluster:Submissions:ClaimPollInterval"] = "01:00:00", // count only the claims work causes
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddClusterMembership(builder.Configuration);
        var capacity = new Capacity(slots);
        builder.Services.AddSingleton<ISiloCapacity>(capacity);
        builder.Services.AddSingleton<ISubmissionRunner>(capacity);
        builder.Services.AddSingleton<SubmissionClaimer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SubmissionClaimer>());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Waits until <paramref name="count"/> silos have published their load (clients target silos by it).</summary>
    public static async Task WaitPublishedAsync(IClusterStore store, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await store.ListSilosAsync(CancellationToken.None)).Count(s => s.Status == SiloStatus.Active && s.Load.Languages.ContainsKey(Language)) < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{count} silos did not publish their load in time.");
            await Task.Delay(50);
        }
    }

    private sealed class Capacity(int slots) : ISiloCapacity, ISubmissionRunner
    {
        private int _busy;

        public Task Ready => Task.CompletedTask;

        public IReadOnlyCollection<string> Languages => [Language];

        public int Slots(string language) => language == Language ? slots : 0;

        public SiloLoad Load()
        {
            var busy = Volatile.Read(ref _busy);
            return new(new Dictionary<string, LanguageLoad> { [Language] = new(slots - busy, busy, 0, slots) }, 0, 0);
        }

        public async Task<RunResult> RunAsync(RunRequest request, CancellationToken ct)
        {
            Interlocked.Increment(ref _busy);
            try
            {
                await Task.Delay(20, ct);
                return new RunResult(Verdict.Accepted, "ok\n", "", null, 0, null, 20, 1, 1 << 20, false, false, ContentEncoding.Utf8);
            }
            finally
            {
                Interlocked.Decrement(ref _busy);
            }
        }
    }
}
