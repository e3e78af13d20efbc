using System.Collections.Concurrent;
using CodeRunner.Client;
using CodeRunner.Runs;
using CodeRunner.Storage;
using CodeRunner.Submissions;
using CodeRunner.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRunner.Tests;

/// <summary>Which silo a new submission wakes.</summary>
public sealed class WakeTargetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("coderun-wake-").FullName;

    [Fact]
    public async Task ASiloThatHasNotPublishedItsLoadYetIsWokenInsteadOfLeavingTheSubmissionToThePoll()
    {
        await using var services = new ServiceCollection().AddLogging().AddClusterClient(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Store:EmbeddedPath"] = Path.Combine(_directory, "coderun.db") }).Build()).BuildServiceProvider();
        var store = services.GetRequiredService<IClusterStore>();
        await store.JoinAsync(new SiloRegistration("starting@1", "starting", "http://127.0.0.1:1"), CancellationToken.None); // load still empty
        var listener = new WakeRecorder();
        await using var subscription = await store.SubscribeAsync(listener, "starting@1", CancellationToken.None);

        await services.GetRequiredService<IClusterClient>().SubmitAsync(new SubmissionRequest(new RunRequest("bash", [new SourceFile("main.sh", "echo hi")])));

        await Eventually.True(() => listener.Wakes.Contains("bash"), Eventually.Soon, "the starting silo was not woken");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed class WakeRecorder : IClusterListener
    {
        public ConcurrentBag<string> Wakes { get; } = [];

        public void OnWake(string language) => Wakes.Add(language);

        public void OnCompleted(Guid submissionId)
        {
        }

        public void OnCancelRequested(Guid submissionId)
        {
        }

        public void OnReconnected()
        {
        }
    }
}
