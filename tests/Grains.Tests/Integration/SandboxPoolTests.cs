using CodeRunner.Docker;
using CodeRunner.Runs;
using CodeRunner.Sandboxes;
using CodeRunner.Sandboxes.Launcher;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using CodeRunner.Tests.Support;

namespace CodeRunner.Tests.Integration;

/// <summary>Pool behaviour on the real engine, each test with a silo of its own (bash only: it starts fastest).</summary>
public sealed class SandboxPoolTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _siloName = $"test-{Guid.NewGuid().ToString("N")[..10]}";
    private ServiceProvider? _services;

    private SandboxPools Pools => _services!.GetRequiredService<SandboxPools>();

    private DockerClient Docker => _services!.GetRequiredService<DockerClient>();

    private SandboxPool Bash => Pools.PoolFor(Pools.Catalog.Find("bash")!);

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task StartAsync(params (string Key, string Value)[] settings)
    {
        var overrides = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        overrides["Languages:Enabled:0"] = "bash";
        _services = SandboxEngineFixture.BuildServices("runc", _siloName, overrides);
        await Pools.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_services is null)
            return;
        await Pools.StopAsync(CancellationToken.None);
        Assert.Empty(await ContainersAsync());
        await _services.DisposeAsync();
    }

    private Task<IReadOnlyList<ContainerSummary>> ContainersAsync() =>
        Docker.ListContainersAsync([$"{SandboxLabels.Silo}={_siloName}"], CancellationToken.None);

    private static readonly ExecCommand Echo = new(["bash", "-c", "echo ok"], ["PATH=/usr/bin:/bin"], 2000, 5000, 64 << 20, 1 << 20, 4096, 4096);

    private async Task<string> RunOnceAsync()
    {
        using var lease = await Bash.AcquireAsync(CancellationToken.None);
        var result = await lease.Sandbox.ExecAsync(Echo, ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        Assert.Equal("ok\n", System.Text.Encoding.UTF8.GetString(result.Stdout));
        return lease.Sandbox.Id;
    }

    [Fact]
    public async Task CapacityIsZeroOnceThePoolsAreGoneRatherThanAnError()
    {
        await StartAsync();
        var capacity = new CodeRunner.Cluster.SandboxCapacity(Pools, new CodeRunner.Sessions.SessionRegistry(Options.Create(new CodeRunner.Sessions.SessionOptions())));
        Assert.True(capacity.Slots("bash") > 0);
        // The node stops: a claim loop that still asks must hear "no room", not crash the host.
        await Pools.StopAsync(CancellationToken.None);
        Assert.Equal(0, capacity.Slots("bash"));
    }

    [Fact]
    public async Task SandboxIsReplacedAfterItsRunLimit()
    {
        await StartAsync(("Sandboxes:MaxRunsPerSandbox", "2"));
        var first = await RunOnceAsync();
        await Eventually.True(() => Bash.WarmCount == 1, Patience, "the sandbox is warm again after its reset");
        Assert.Equal(first, await RunOnceAsync());
        var third = await RunOnceAsync();
        Assert.NotEqual(first, third);
        await Eventually.True(async () => await Docker.InspectContainerAsync($"coderun-{_siloName}-bash-{first}", CancellationToken.None) is null,
            Patience, "the retired sandbox's container is removed");
    }

    [Fact]
    public async Task IdleSandboxesAboveTheMinimumAreRetired()
    {
        await StartAsync(("Sandboxes:MinWarm", "0"), ("Sandboxes:MaxPerLanguage", "2"), ("Sandboxes:IdleTimeout", "00:00:01"));
        await RunOnceAsync();
        await Eventually.True(() => Bash.Sandboxes.Count == 0, Patience, "the idle sandbox is retired");
        await Eventually.True(async () => (await ContainersAsync()).Count == 0, Patience, "its container is removed");
    }

    [Fact]
    public async Task WarmMinimumIsKeptAndRefilledAfterARetire()
    {
        await StartAsync(("Sandboxes:MinWarm", "2"), ("Sandboxes:MaxPerLanguage", "2"), ("Sandboxes:MaxRunsPerSandbox", "1"));
        await Eventually.True(() => Bash.WarmCount == 2, Patience, "two sandboxes are warm");
        var used = await RunOnceAsync();
        await Eventually.True(() => Bash.WarmCount == 2 && Bash.Sandboxes.All(s => s.Id != used), Patience, "a fresh sandbox replaced the used one");
    }

    [Fact]
    public async Task GhostContainersOfThisSiloAreRemovedAtStart()
    {
        // A leftover of a previous incarnation of this silo: labelled with its name, never removed.
        var services = SandboxEngineFixture.BuildServices("runc", _siloName, new Dictionary<string, string?>());
        var docker = services.GetRequiredService<DockerClient>();
        var image = services.GetRequiredService<CodeRunner.Images.LanguageImageBuilder>().ImageTag(
            Languages.LanguageDefinitionLoader.Load(Path.Combine(AppContext.BaseDirectory, "languages", "bash.json")));
        var ghost = await docker.CreateContainerAsync($"coderun-{_siloName}-ghost", new ContainerCreateRequest
        {
            Image = image,
            Labels = new Dictionary<string, string> { [SandboxLabels.Silo] = _siloName, [SandboxLabels.Managed] = "ghost" },
            HostConfig = new HostConfig { NetworkMode = "none" },
        }, CancellationToken.None);
        await services.DisposeAsync();

        await StartAsync();
        Assert.Null(await Docker.InspectContainerAsync(ghost.Id, CancellationToken.None));
    }

    [Fact]
    public async Task RunThatFindsNoFreeSandboxFailsWithAClearMessage()
    {
        await StartAsync(("Sandboxes:MaxPerLanguage", "1"), ("Sandboxes:AcquireTimeout", "00:00:01"));
        var executor = _services!.GetRequiredService<RunExecutor>();
        // The test's own lease must not race the first create against the 1 s acquire timeout.
        await Eventually.True(() => Bash.WarmCount == 1, Patience, "a sandbox is warm");
        using (await Bash.AcquireAsync(CancellationToken.None))
        {
            var result = await executor.RunAsync(new RunRequest("bash", [new SourceFile("main.sh", "echo hi")]), CancellationToken.None);
            Assert.Equal(Verdict.InternalError, result.Verdict);
            Assert.Equal("No bash sandbox was free within 1 s.", result.Message);
        }
        var after = await executor.RunAsync(new RunRequest("bash", [new SourceFile("main.sh", "echo hi")]), CancellationToken.None);
        Assert.Equal(Verdict.Accepted, after.Verdict);
    }

    [Fact]
    public async Task RunWhoseSandboxWasKilledFromOutsideRunsAgainOnAFreshOneAndTheDeadOneIsRetired()
    {
        await StartAsync();
        var executor = _services!.GetRequiredService<RunExecutor>();
        await Eventually.True(() => Bash.WarmCount == 1, Patience, "a sandbox is warm");
        var victim = Bash.Sandboxes.Single();
        await Docker.KillContainerAsync(victim.ContainerId!, CancellationToken.None);
        using var retries = new CounterRecorder("coderun.run.retries", "language", "bash");

        var result = await executor.RunAsync(new RunRequest("bash", [new SourceFile("main.sh", "echo hi")]), CancellationToken.None);
        Assert.True(result.Verdict == Verdict.Accepted, $"{result.Verdict}: {result.Message}");
        Assert.Equal("hi\n", result.Stdout);
        Assert.Equal(Verdict.InternalError, victim.LastVerdict); // what the dashboard shows of it
        Assert.Equal(1, retries.Total); // coderun_run_retries_total
        await Eventually.True(async () => await Docker.InspectContainerAsync(victim.ContainerId!, CancellationToken.None) is null
                                          && Bash.Sandboxes.All(s => s.Id != victim.Id), Patience, "the dead sandbox is retired");
    }

    [Fact]
    public async Task RunIsTriedOnOneMoreSandboxOnlyThenItIsAnInternalErrorNamingTheSandboxAndHowItEnded()
    {
        await StartAsync(("Sandboxes:MinWarm", "2"), ("Sandboxes:MaxPerLanguage", "2"));
        var executor = _services!.GetRequiredService<RunExecutor>();
        await Eventually.True(() => Bash.WarmCount == 2, Patience, "two sandboxes are warm");
        var victims = Bash.Sandboxes.ToList();
        foreach (var victim in victims)
            await Docker.KillContainerAsync(victim.ContainerId!, CancellationToken.None);

        var broken = await executor.RunAsync(new RunRequest("bash", [new SourceFile("main.sh", "echo hi")]), CancellationToken.None);
        Assert.Equal(Verdict.InternalError, broken.Verdict);
        Assert.Contains(victims, v => broken.Message!.Contains(v.Id, StringComparison.Ordinal));
        Assert.Contains("its container exited with code 137", broken.Message); // docker kill: SIGKILL to the launcher

        var next = await executor.RunAsync(new RunRequest("bash", [new SourceFile("main.sh", "echo hi")]), CancellationToken.None);
        Assert.Equal(Verdict.Accepted, next.Verdict);
        foreach (var victim in victims)
            await Eventually.True(async () => await Docker.InspectContainerAsync(victim.ContainerId!, CancellationToken.None) is null, Patience, "the dead sandboxes are retired");
    }

    [Fact]
    public async Task CreateCancelledAtAnyMomentLeavesNoContainer()
    {
        await StartAsync(("Sandboxes:MinWarm", "0"));
        var language = Pools.Catalog.Find("bash")!;
        var options = _services!.GetRequiredService<IOptions<SandboxOptions>>().Value;
        // Cancel at moments spread over the whole create → attach → start → hello sequence.
        for (var delayMs = 0; delayMs <= 600; delayMs += 40)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(delayMs));
            try
            {
                var sandbox = await SandboxGrain.CreateAsync(language, options, _siloName, Docker, NullLogger.Instance, TimeProvider.System, cancel.Token);
                await sandbox.RetireAsync();
            }
            catch (OperationCanceledException)
            {
            }
            Assert.Empty(await ContainersAsync());
        }
    }
}
