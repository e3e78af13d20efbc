using System.Text.Json.Nodes;
using CodeRunner.Helm.Tests.Support;

namespace CodeRunner.Helm.Tests;

/// <summary>Frontends reach silos (sessions, operator actions) with a shared key, and nobody else reaches the silos' port.</summary>
public class InternalApiChartTests
{
    [Theory]
    [MemberData(nameof(ValueSets.Names), MemberType = typeof(ValueSets))]
    public async Task FrontendAndSiloReadTheSameInternalKeyFromASecretTheChartRenders(string valueSet)
    {
        var manifests = await HelmChart.TemplateAsync(ValueSets.All[valueSet]);
        var references = new[] { (manifests.SiloDeployment, "silo"), (manifests.FrontendDeployment, "frontend") }
            .Select(w => KeyReference(Manifests.Container(w.Item1, w.Item2)))
            .ToList();
        Assert.All(references, r => Assert.NotNull(r));
        Assert.Equal((string?)references[0]!["name"], (string?)references[1]!["name"]);
        Assert.Equal((string?)references[0]!["key"], (string?)references[1]!["key"]);
        var secret = manifests.Single("Secret", (string)references[0]!["name"]!);
        Assert.True(Convert.FromBase64String((string)secret["data"]![(string)references[0]!["key"]!]!).Length >= 32);
    }

    [Fact]
    public async Task AnExistingSecretReplacesTheGeneratedOne()
    {
        var manifests = await HelmChart.TemplateAsync("--set", "internalApi.existingSecret=mine");
        Assert.Equal("mine", (string?)KeyReference(Manifests.Container(manifests.SiloDeployment, "silo"))!["name"]);
        Assert.DoesNotContain(manifests.OfKind("Secret"), s => Manifests.Name(s).EndsWith("-internal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnlyFrontendsAndSilosMayReachTheSilosPort()
    {
        var manifests = await HelmChart.TemplateAsync();
        var policy = manifests.Single("NetworkPolicy", "coderun-silo-ingress");
        Assert.Equal("silo", (string?)policy["spec"]!["podSelector"]!["matchLabels"]!["app.kubernetes.io/component"]);
        var rule = policy["spec"]!["ingress"]!.AsArray().Single()!;
        var components = rule["from"]!.AsArray().Select(p => (string?)p!["podSelector"]?["matchLabels"]?["app.kubernetes.io/component"]).ToList();
        Assert.Equal(["frontend", "silo"], components);
        Assert.Equal(8080, (int)rule["ports"]!.AsArray().Single()!["port"]!);
    }

    [Fact]
    public async Task PodsCarryPrometheusScrapeAnnotationsForMetrics()
    {
        var manifests = await HelmChart.TemplateAsync();
        foreach (var workload in new[] { manifests.SiloDeployment, manifests.FrontendDeployment })
        {
            var annotations = workload["spec"]!["template"]!["metadata"]!["annotations"]!;
            Assert.Equal("true", (string?)annotations["prometheus.io/scrape"]);
            Assert.Equal("/metrics", (string?)annotations["prometheus.io/path"]);
        }
        var off = await HelmChart.TemplateAsync("--set", "metrics.podAnnotations=false");
        Assert.Null(off.FrontendDeployment["spec"]!["template"]!["metadata"]!["annotations"]);
    }

    private static JsonNode? KeyReference(JsonObject container) =>
        container["env"]!.AsArray().SingleOrDefault(e => (string?)e!["name"] == "InternalApi__Key")?["valueFrom"]?["secretKeyRef"];
}
