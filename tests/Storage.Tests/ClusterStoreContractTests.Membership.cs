namespace CodeRunner.Storage.Tests;

public abstract partial class ClusterStoreContractTests
{
    [Fact]
    public async Task AJoinedSiloIsListedActiveWithAFreshHeartbeat()
    {
        await Store.JoinAsync(new SiloRegistration("silo-a", "node-a", "10.0.0.1:11111"), Ct);

        var silo = Assert.Single(await Store.ListSilosAsync(Ct));
        Assert.Equal(("silo-a", "node-a", "10.0.0.1:11111", SiloStatus.Active), (silo.SiloId, silo.SiloName, silo.Address, silo.Status));
        Assert.InRange(silo.HeartbeatAge, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(silo.StartedAt, silo.HeartbeatAt);
        Assert.Empty(silo.Load.Languages);
    }

    [Fact]
    public async Task AHeartbeatPublishesTheLoadAndRefreshesTheHeartbeat()
    {
        var id = await JoinAsync();
        var joined = await SiloAsync(id);
        await WaitUntilStaleAsync(id, TimeSpan.FromMilliseconds(200));
        var load = new SiloLoad(new Dictionary<string, LanguageLoad> { ["python"] = new(Warm: 2, Busy: 1, Creating: 0, Max: 4) }, 12.5, 64L << 20);

        Assert.True(await Store.HeartbeatAsync(id, load, Ct));

        var silo = await SiloAsync(id);
        Assert.True(silo.HeartbeatAt - joined.HeartbeatAt > TimeSpan.FromMilliseconds(200));
        Assert.Equal(joined.StartedAt, silo.StartedAt);
        Assert.Equal(new LanguageLoad(2, 1, 0, 4), silo.Load.Languages["python"]);
        Assert.Equal((12.5, 64L << 20), (silo.Load.CpuPercent, silo.Load.MemoryBytes));
    }

    [Fact]
    public async Task AHeartbeatOfAnUnknownSiloIsRefused() =>
        Assert.False(await Store.HeartbeatAsync("nobody", SiloLoad.Empty, Ct));

    [Fact]
    public async Task AHeartbeatReturnsFalseOnceTheSiloWasDeclaredDead()
    {
        var id = await JoinAsync();

        await DeclareDeadAsync(id);

        Assert.False(await Store.HeartbeatAsync(id, SiloLoad.Empty, Ct));
        Assert.Equal(SiloStatus.Dead, (await SiloAsync(id)).Status);
    }

    [Fact]
    public async Task ExactlyOneOfTwentyParallelCallersDeclaresAStaleSiloDead()
    {
        var id = await JoinAsync();
        var peers = new List<IClusterStore> { Store };
        for (var i = 0; i < 3; i++)
            peers.Add(await OpenStoreAsync(ClusterId));
        await WaitUntilStaleAsync(id, Stale);

        var verdicts = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => peers[i % peers.Count].DeclareDeadAsync(id, Stale, Ct))));

        Assert.Single(verdicts, dead => dead);
        Assert.False(await Store.DeclareDeadAsync(id, TimeSpan.Zero, Ct));
    }

    [Fact]
    public async Task ASiloWithAFreshHeartbeatIsNotDeclaredDead()
    {
        var id = await JoinAsync();
        Assert.True(await Store.HeartbeatAsync(id, SiloLoad.Empty, Ct));

        Assert.False(await Store.DeclareDeadAsync(id, TimeSpan.FromMinutes(1), Ct));
        Assert.Equal(SiloStatus.Active, (await SiloAsync(id)).Status);
    }

    [Fact]
    public async Task ASiloShutsDownWhileStillHeartbeatingThenLeavesForGood()
    {
        var id = await JoinAsync();

        await EnqueueAsync();

        Assert.True(await Store.SetStatusAsync(id, SiloStatus.ShuttingDown, Ct));
        Assert.True(await Store.HeartbeatAsync(id, SiloLoad.Empty, Ct));
        Assert.Equal(SiloStatus.ShuttingDown, (await SiloAsync(id)).Status);
        Assert.Empty(await Store.ClaimAsync(id, "python", 10, Ct));
        Assert.True(await Store.SetStatusAsync(id, SiloStatus.Left, Ct));

        Assert.False(await Store.SetStatusAsync(id, SiloStatus.Left, Ct));
        Assert.False(await Store.SetStatusAsync(id, SiloStatus.ShuttingDown, Ct));
        Assert.False(await Store.HeartbeatAsync(id, SiloLoad.Empty, Ct));
        Assert.False(await Store.DeclareDeadAsync(id, TimeSpan.Zero, Ct));
        Assert.Equal(SiloStatus.Left, (await SiloAsync(id)).Status);
    }

    [Fact]
    public async Task AStaleShuttingDownSiloCanBeDeclaredDead()
    {
        var id = await JoinAsync();
        Assert.True(await Store.SetStatusAsync(id, SiloStatus.ShuttingDown, Ct));

        await DeclareDeadAsync(id);

        Assert.False(await Store.SetStatusAsync(id, SiloStatus.Left, Ct));
    }

    [Fact]
    public async Task ADeadSilosIdIsNeverReused()
    {
        var id = await JoinAsync();
        await DeclareDeadAsync(id);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.JoinAsync(new SiloRegistration(id, "node", "127.0.0.1:1"), Ct));
        Assert.Equal(SiloStatus.Dead, (await SiloAsync(id)).Status);
    }

    [Fact]
    public async Task ARepeatedJoinOfAnActiveSiloIsARetry()
    {
        var id = await JoinAsync();

        await Store.JoinAsync(new SiloRegistration(id, "node-b", "127.0.0.1:2"), Ct);

        var silo = Assert.Single(await Store.ListSilosAsync(Ct));
        Assert.Equal(("node-b", SiloStatus.Active), (silo.SiloName, silo.Status));
    }

    [Fact]
    public async Task ASiloCannotBeSetActiveOrDeadByHand()
    {
        var id = await JoinAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SetStatusAsync(id, SiloStatus.Dead, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SetStatusAsync(id, SiloStatus.Active, Ct));
    }
}
