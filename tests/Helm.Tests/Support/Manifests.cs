using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace CodeRunner.Helm.Tests.Support;

/// <summary>The objects of one <c>helm template</c> output, as JSON, with the look-ups the tests need.</summary>
internal sealed class Manifests(IReadOnlyList<JsonObject> all)
{
    private static readonly string[] ContainerLists = ["initContainers", "containers"];

    public IReadOnlyList<JsonObject> All { get; } = all;

    public static Manifests Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var objects = stream.Documents
            .Where(document => document.RootNode is YamlMappingNode { Children.Count: > 0 })
            .Select(document => (JsonObject)YamlToJson.Convert(document.RootNode)!)
            .ToList();
        return new Manifests(objects);
    }

    public IEnumerable<JsonObject> OfKind(string kind) => All.Where(o => Kind(o) == kind);

    public JsonObject Single(string kind, string name) =>
        OfKind(kind).SingleOrDefault(o => Name(o) == name)
        ?? throw new Xunit.Sdk.XunitException($"no {kind} {name} among: {string.Join(", ", All.Select(o => $"{Kind(o)}/{Name(o)}"))}");

    public JsonObject SiloDeployment => Single("Deployment", "coderun-silo");

    public JsonObject FrontendDeployment => Single("Deployment", "coderun-frontend");

    /// <summary>Every object that carries a pod template, with its pod spec.</summary>
    public IEnumerable<(JsonObject Owner, JsonObject PodSpec)> PodSpecs =>
        All.Where(o => o["spec"]?["template"]?["spec"] is JsonObject)
            .Select(o => (o, o["spec"]!["template"]!["spec"]!.AsObject()));

    /// <summary>Every container of every pod template, init containers and sidecars included.</summary>
    public IEnumerable<(JsonObject Owner, JsonObject Container)> Containers =>
        PodSpecs.SelectMany(p => ContainersOf(p.PodSpec).Select(c => (p.Owner, c)));

    public static IEnumerable<JsonObject> ContainersOf(JsonObject podSpec) =>
        ContainerLists
            .SelectMany(key => podSpec[key]?.AsArray() ?? [])
            .Select(c => c!.AsObject());

    public static JsonObject Container(JsonObject workload, string name) =>
        ContainersOf(workload["spec"]!["template"]!["spec"]!.AsObject()).Single(c => (string?)c["name"] == name);

    public static string? Env(JsonObject container, string name) =>
        container["env"]?.AsArray().Select(e => e!.AsObject()).SingleOrDefault(e => (string?)e["name"] == name)?["value"]?.GetValue<string>();

    public static string Kind(JsonObject o) => (string?)o["kind"] ?? "";

    public static string Name(JsonObject o) => (string?)o["metadata"]?["name"] ?? "";
}
