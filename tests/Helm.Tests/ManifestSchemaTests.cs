using System.Text.Json.Nodes;
using CodeRunner.Helm.Tests.Support;

namespace CodeRunner.Helm.Tests;

public class ManifestSchemaTests
{
    [Theory]
    [MemberData(nameof(ValueSets.Names), MemberType = typeof(ValueSets))]
    public async Task EveryRenderedManifestMatchesTheKubernetesApiSchemas(string valueSet)
    {
        var manifests = await HelmChart.TemplateAsync(ValueSets.All[valueSet]);
        Assert.NotEmpty(manifests.All);
        await SchemaValidator.AssertValidAsync(manifests);
    }

    [Fact]
    public async Task ValidatorRejectsBrokenManifests()
    {
        // The real silo Deployment, then the same with one mistake each: the check must not pass
        // whatever it is given.
        var silo = (await HelmChart.TemplateAsync()).SiloDeployment;
        var broken = new List<(string Mistake, JsonObject Manifest)>
        {
            ("replicas as a string", Mutate(silo, d => d["spec"]!["replicas"] = "two")),
            ("no selector", Mutate(silo, d => d["spec"]!.AsObject().Remove("selector"))),
            ("probe without a port", Mutate(silo, d => Manifests.Container(d, "silo")["livenessProbe"] = JsonNode.Parse("""{ "httpGet": { "path": "/health/live" } }"""))),
            ("an unknown pull policy", Mutate(silo, d => Manifests.Container(d, "silo")["imagePullPolicy"] = "Sometimes")),
            ("a CPU limit that is an object", Mutate(silo, d => Manifests.Container(d, "silo")["resources"]!["limits"]!["cpu"] = new JsonObject())),
            ("a kind without a schema", Mutate(silo, d => d["kind"] = "Deploymint")),
            ("a misspelt field", Mutate(silo, d => d["spec"]!["replicaz"] = 2)),
            ("a misspelt probe", Mutate(silo, d => Manifests.Container(d, "silo")["readinessProb"] = new JsonObject())),
            ("a misspelt field deep in a probe", Mutate(silo, d => Manifests.Container(d, "silo")["livenessProbe"]!["httpGet"]!["paht"] = "/x")),
            ("a ScaledObject without triggers", JsonNode.Parse("""
                { "apiVersion": "keda.sh/v1alpha1", "kind": "ScaledObject", "metadata": { "name": "s" },
                  "spec": { "scaleTargetRef": { "name": "coderun-silo" } } }
                """)!.AsObject()),
        };

        var results = await SchemaValidator.ValidateAsync([silo, .. broken.Select(b => b.Manifest)]);

        Assert.Empty(results[0].Errors);
        for (var i = 0; i < broken.Count; i++)
            Assert.True(results[i + 1].Errors.Count > 0, $"accepted a manifest with {broken[i].Mistake}");
    }

    private static JsonObject Mutate(JsonObject manifest, Action<JsonObject> mistake)
    {
        var copy = manifest.DeepClone().AsObject();
        mistake(copy);
        return copy;
    }
}
