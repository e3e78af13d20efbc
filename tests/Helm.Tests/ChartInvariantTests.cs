using System.Text.Json.Nodes;
using CodeRunner.Helm.Tests.Support;

namespace CodeRunner.Helm.Tests;

/// <summary>What the chart promises, on every value set: the things a reviewer would otherwise have to check by eye.</summary>
public class ChartInvariantTests
{
    [Theory]
    [MemberData(nameof(ValueSets.Names), MemberType = typeof(ValueSets))]
    public async Task SiloAndFrontendHaveStartupReadinessAndLivenessProbesOnTheirHealthEndpoints(string valueSet)
    {
        var manifests = await HelmChart.TemplateAsync(ValueSets.All[valueSet]);
        foreach (var (workload, container) in new[] { (manifests.SiloDeployment, "silo"), (manifests.FrontendDeployment, "frontend") })
        {
            var c = Manifests.Container(workload, container);
            Assert.Equal("/health/startup", (string?)c["startupProbe"]?["httpGet"]?["path"]);
            Assert.Equal("/health/ready", (string?)c["readinessProbe"]?["httpGet"]?["path"]);
            Assert.Equal("/health/live", (string?)c["livenessProbe"]?["httpGet"]?["path"]);
            Assert.Equal("http", (string?)c["livenessProbe"]?["httpGet"]?["port"]);
        }
    }

    [Theory]
    [MemberData(nameof(ValueSets.Names), MemberType = typeof(ValueSets))]
    public async Task OnlyTheEngineSidecarIsPrivilegedAndEveryOtherContainerRunsAsNonRoot(string valueSet)
    {
        var manifests = await HelmChart.TemplateAsync(ValueSets.All[valueSet]);
        var sidecar = valueSet != "host engine";
        foreach (var (owner, container) in manifests.Containers)
        {
            var name = (string?)container["name"];
            var security = container["securityContext"];
            var privileged = (bool?)security?["privileged"] ?? false;
            if (Manifests.Name(owner) == "coderun-silo" && name == "engine")
            {
                Assert.True(privileged, "the engine sidecar runs sandboxes: it needs privileges");
                continue;
            }
            Assert.False(privileged, $"{Manifests.Name(owner)}/{name} is privileged");
            Assert.True((bool?)security?["runAsNonRoot"] == true, $"{Manifests.Name(owner)}/{name} may run as root");
            Assert.False((bool?)security?["allowPrivilegeEscalation"] ?? true, $"{Manifests.Name(owner)}/{name} allows privilege escalation");
            Assert.Contains("ALL", security?["capabilities"]?["drop"]?.AsArray().Select(x => (string?)x) ?? []);
        }
        var engines = manifests.Containers.Where(c => (string?)c.Container["name"] == "engine").ToList();
        Assert.Equal(sidecar ? 1 : 0, engines.Count);
        Assert.Equal(sidecar, manifests.SiloDeployment["spec"]!["template"]!["spec"]!["volumes"]!.AsArray()
            .All(v => v!["hostPath"] is null));
    }

    [Theory]
    [MemberData(nameof(ValueSets.Names), MemberType = typeof(ValueSets))]
    public async Task EveryContainerHasCpuAndMemoryRequestsAndLimits(string valueSet)
    {
        var manifests = await HelmChart.TemplateAsync(ValueSets.All[valueSet]);
        foreach (var (owner, container) in manifests.Containers)
        {
            foreach (var kind in new[] { "requests", "limits" })
            foreach (var resource in new[] { "cpu", "memory" })
                Assert.True(container["resources"]?[kind]?[resource] is not null,
                    $"{Manifests.Name(owner)}/{container["name"]} has no {resource} {kind}");
        }
    }

    [Fact]
    public async Task EngineSidecarStartsBeforeTheSiloAndSharesItsSocketOnAnEmptyDir()
    {
        var silo = (await HelmChart.TemplateAsync()).SiloDeployment;
        var spec = silo["spec"]!["template"]!["spec"]!;
        var engine = spec["initContainers"]!.AsArray().Single(c => (string?)c!["name"] == "engine")!;
        Assert.Equal("Always", (string?)engine["restartPolicy"]); // a native sidecar: outlives the draining silo
        Assert.NotNull(engine["startupProbe"]);
        var siloContainer = Manifests.Container(silo.AsObject(), "silo");
        Assert.Equal("/run/coderun-engine/docker.sock", Manifests.Env(siloContainer, "Docker__SocketPath"));
        Assert.Equal("runsc", Manifests.Env(siloContainer, "Sandboxes__Runtime"));
        var volumes = spec["volumes"]!.AsArray();
        Assert.NotNull(volumes.Single(v => (string?)v!["name"] == "engine-socket")!["emptyDir"]);
        Assert.NotNull(volumes.Single(v => (string?)v!["name"] == "engine-data")!["emptyDir"]);
        Assert.Contains(engine["volumeMounts"]!.AsArray(), m => (string?)m!["name"] == "engine-socket");
        Assert.Contains(siloContainer["volumeMounts"]!.AsArray(), m => (string?)m!["name"] == "engine-socket");
    }

    [Theory]
    [MemberData(nameof(ValueSets.Names), MemberType = typeof(ValueSets))]
    public async Task SiloGetsItsIdentityFromTheDownwardApiAndTheFrontendHostsNoSilo(string valueSet)
    {
        var manifests = await HelmChart.TemplateAsync(ValueSets.All[valueSet]);
        var silo = Manifests.Container(manifests.SiloDeployment, "silo");
        var env = silo["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => e!.AsObject());
        Assert.Equal("metadata.name", (string?)env["POD_NAME"]["valueFrom"]?["fieldRef"]?["fieldPath"]);
        Assert.Equal("status.podIP", (string?)env["POD_IP"]["valueFrom"]?["fieldRef"]?["fieldPath"]);
        Assert.Equal("metadata.namespace", (string?)env["POD_NAMESPACE"]["valueFrom"]?["fieldRef"]?["fieldPath"]);
        Assert.NotNull(env["Store__ConnectionString"]["valueFrom"]?["secretKeyRef"]);
        Assert.NotNull(env["Store__ClusterId"]["value"]);

        var frontend = Manifests.Container(manifests.FrontendDeployment, "frontend");
        Assert.Equal("false", Manifests.Env(frontend, "Frontend__HostSilo"));
        Assert.Equal(Manifests.Env(silo, "Store__ClusterId"), Manifests.Env(frontend, "Store__ClusterId"));

        // Both listen on every address at the port the probes use (the Frontend's appsettings.json
        // says loopback; only a plain `Urls` variable overrides it).
        foreach (var container in new[] { silo, frontend })
            Assert.Equal($"http://+:{(int)container["ports"]![0]!["containerPort"]!}", Manifests.Env(container, "Urls"));
    }

    [Theory]
    [MemberData(nameof(ValueSets.Names), MemberType = typeof(ValueSets))]
    public async Task TerminationGracePeriodExceedsTheSiloShutdownGraceAndTheHostShutdownTimeout(string valueSet)
    {
        var silo = (await HelmChart.TemplateAsync(ValueSets.All[valueSet])).SiloDeployment;
        var grace = (int)silo["spec"]!["template"]!["spec"]!["terminationGracePeriodSeconds"]!;
        var shutdownGrace = TimeSpan.Parse(Manifests.Env(Manifests.Container(silo, "silo"), "Cluster__Submissions__ShutdownGrace")!,
            System.Globalization.CultureInfo.InvariantCulture);
        // After ShutdownGrace the silo hands runs back and removes its containers (30 s allowed);
        // the .NET host itself gives up after 90 s: the kubelet must not kill it sooner.
        Assert.True(grace > shutdownGrace.TotalSeconds + 30, $"{grace} s does not cover {shutdownGrace} plus container removal");
        Assert.True(grace > 90, $"{grace} s is shorter than the host's 90 s shutdown timeout");
    }

    [Theory]
    [MemberData(nameof(ValueSets.Names), MemberType = typeof(ValueSets))]
    public async Task RollingUpdatesNeverGoBelowCapacityAndABudgetGuardsDrains(string valueSet)
    {
        var manifests = await HelmChart.TemplateAsync(ValueSets.All[valueSet]);
        foreach (var deployment in new[] { manifests.SiloDeployment, manifests.FrontendDeployment })
        {
            Assert.Equal(0, (int)deployment["spec"]!["strategy"]!["rollingUpdate"]!["maxUnavailable"]!);
            var selector = deployment["spec"]!["selector"]!["matchLabels"]!.AsObject();
            var budget = manifests.OfKind("PodDisruptionBudget").Single(p => JsonNode.DeepEquals(p["spec"]!["selector"]!["matchLabels"], selector));
            Assert.True((int)budget["spec"]!["minAvailable"]! >= 1);
        }
    }

    [Theory]
    [MemberData(nameof(ValueSets.Names), MemberType = typeof(ValueSets))]
    public async Task EgressPolicySelectsTheSilosAndAllowsOnlyPostgresAndDns(string valueSet)
    {
        var manifests = await HelmChart.TemplateAsync(ValueSets.All[valueSet]);
        var policy = manifests.Single("NetworkPolicy", "coderun-silo-egress");
        var podLabels = manifests.SiloDeployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        var selector = policy["spec"]!["podSelector"]!["matchLabels"]!.AsObject();
        Assert.NotEmpty(selector);
        Assert.All(selector, pair => Assert.Equal((string?)pair.Value, (string?)podLabels[pair.Key]));
        Assert.DoesNotContain(manifests.FrontendDeployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject(),
            pair => pair.Key == "app.kubernetes.io/component" && (string?)pair.Value == "silo");
        Assert.Equal(["Egress"], policy["spec"]!["policyTypes"]!.AsArray().Select(x => (string?)x));

        var extra = valueSet == "production example" ? 1 : 0;
        var rules = policy["spec"]!["egress"]!.AsArray();
        Assert.Equal(2 + extra, rules.Count);
        var ports = rules.Take(2).Select(r => r!["ports"]!.AsArray().Select(p => (int)p!["port"]!).Distinct().Single()).ToList();
        Assert.Equal([53, 5432], ports);
    }

    [Theory]
    [InlineData("defaults", false)]
    [InlineData("production example", true)]
    [InlineData("every option on", true)]
    public async Task SilosAreScaledByExactlyOneAutoscalerAndFrontendsByAnHpaOnCpu(string valueSet, bool keda)
    {
        var manifests = await HelmChart.TemplateAsync(ValueSets.All[valueSet]);
        var hpas = manifests.OfKind("HorizontalPodAutoscaler").ToList();
        var scaled = manifests.OfKind("ScaledObject").ToList();
        Assert.Equal(keda ? 0 : 1, hpas.Count(h => (string?)h["spec"]!["scaleTargetRef"]!["name"] == "coderun-silo"));
        Assert.Equal(keda ? 1 : 0, scaled.Count);
        var frontendHpa = hpas.Single(h => (string?)h["spec"]!["scaleTargetRef"]!["name"] == "coderun-frontend");
        Assert.Equal("cpu", (string?)frontendHpa["spec"]!["metrics"]![0]!["resource"]!["name"]);
        // Neither Deployment sets replicas when an autoscaler owns the count: an upgrade would reset it.
        Assert.Null(manifests.SiloDeployment["spec"]!["replicas"]);
        Assert.Null(manifests.FrontendDeployment["spec"]!["replicas"]);
    }
}
