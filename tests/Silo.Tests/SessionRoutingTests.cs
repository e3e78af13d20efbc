using CodeRunner.Storage;
using CodeRunner.Tests.Support;

namespace CodeRunner.Tests;

/// <summary>Interactive sessions through a stateless frontend, run by a real silo process it finds in the membership table.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SessionRoutingTests(PostgresServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private const string Key = "cluster-secret";

    [Fact]
    public async Task StatelessFrontendRelaysASessionToASiloAndALostSiloClosesItWith4502()
    {
        await using var cluster = await ClusterFixture.StartAsync(server);
        var silo = await cluster.StartSiloAsync("sessions", new Dictionary<string, string> { ["InternalApi:Key"] = Key });
        await Eventually.True(async () => (await cluster.Store.ListSilosAsync(CancellationToken.None)).Any(s =>
                s.SiloName == silo.Name && s.Status == SiloStatus.Active && s.Load.Languages.TryGetValue("python", out var l) && l.Max > 0),
            Patience, "the silo publishes room for python");
        await using var frontend = new StatelessFrontend(cluster.ConnectionString, Key);

        await using (var session = await SessionClient.ConnectAsync(frontend.SessionsUri))
        {
            await session.StartAsync("python", "main.py", "name = input('name? ')\nprint('hello ' + name)\n");
            await session.UntilStdoutContainsAsync("name? ", Patience);
            await session.StdinAsync("Ada\n");
            Assert.Equal(1000, await session.UntilClosedAsync(Patience));
            Assert.Equal("name? hello Ada\n", session.Stdout);
            Assert.Equal("Accepted", session.Result!.Value.GetProperty("verdict").GetString());
        }

        await using (var session = await SessionClient.ConnectAsync(frontend.SessionsUri))
        {
            await session.StartAsync("python", "main.py", "print('up', flush=True)\ninput()\n");
            await session.UntilStdoutContainsAsync("up", Patience);
            silo.Kill();
            Assert.Equal(4502, await session.UntilClosedAsync(Patience));
            Assert.Contains("silo", session.Error!.Value.GetProperty("message").GetString());
        }

        // Another silo declares the dead one dead and removes its containers; sessions now go there.
        var heir = await cluster.StartSiloAsync("heir", new Dictionary<string, string> { ["InternalApi:Key"] = Key });
        await Eventually.True(async () => (await cluster.ContainersOfAsync(silo)).Count == 0, Patience, "the dead silo's containers are removed");
        await using (var session = await SessionClient.ConnectAsync(frontend.SessionsUri))
        {
            await session.StartAsync("bash", "main.sh", "echo heir");
            Assert.Equal(1000, await session.UntilClosedAsync(Patience));
            Assert.Equal("heir\n", session.Stdout);
        }
        Assert.False(heir.HasExited);
    }

    [Fact]
    public async Task ADrainedSiloGetsNoNewSessions()
    {
        await using var cluster = await ClusterFixture.StartAsync(server);
        var silo = await cluster.StartSiloAsync("drained", new Dictionary<string, string> { ["InternalApi:Key"] = Key });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.Port}") };
        http.DefaultRequestHeaders.Add("X-Internal-Key", Key);
        Assert.True((await http.PostAsync("/internal/v1/drain", null)).IsSuccessStatusCode);
        await Eventually.True(async () => (await cluster.Store.ListSilosAsync(CancellationToken.None)).Any(s =>
                s.SiloName == silo.Name && s.Load.Draining && s.Load.Languages.TryGetValue("bash", out var l) && l.Max > 0),
            Patience, "the silo publishes that it is draining");
        await using var frontend = new StatelessFrontend(cluster.ConnectionString, Key);

        await using var session = await SessionClient.ConnectAsync(frontend.SessionsUri);
        await session.StartAsync("bash", "main.sh", "echo ran on a drained silo");
        Assert.Equal(4503, await session.UntilClosedAsync(Patience));
        Assert.Equal("", session.Stdout);
    }

    [Fact]
    public async Task SiloRefusesASessionWithoutTheClusterKey()
    {
        await using var cluster = await ClusterFixture.StartAsync(server);
        var silo = await cluster.StartSiloAsync("keyed", new Dictionary<string, string> { ["InternalApi:Key"] = Key });
        var refused = await Assert.ThrowsAnyAsync<System.Net.WebSockets.WebSocketException>(() =>
            SessionClient.ConnectAsync(new Uri($"ws://127.0.0.1:{silo.Port}/internal/v1/sessions")));
        Assert.Contains("401", refused.Message);
        await using var session = await SessionClient.ConnectAsync(new Uri($"ws://127.0.0.1:{silo.Port}/internal/v1/sessions"),
            new Dictionary<string, string> { ["X-Internal-Key"] = Key });
        await session.StartAsync("bash", "main.sh", "echo direct");
        Assert.Equal(1000, await session.UntilClosedAsync(Patience));
        Assert.Equal("direct\n", session.Stdout);
    }
}
