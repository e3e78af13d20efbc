using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CodeRunner.Helm.Tests.Support;

namespace CodeRunner.Helm.Tests;

/// <summary>API keys and anonymous access reach the frontend, the only process of the chart that serves the public API.</summary>
public class ApiKeysChartTests
{
    // Hashed as the frontend hashes a presented key (ApiKeys.Hash): lower-case hex SHA-256 of its UTF-8.
    private static readonly string JudgeHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("crk_judge")));
    private static readonly string OperatorsHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("crk_operators")));

    [Fact]
    public async Task TwoKeysBecomeExactlyTheFrontendsAuthEnvironment()
    {
        // --set-json, like a values file, gives helm floats: a large limit must still render as an integer.
        var manifests = await HelmChart.TemplateAsync("--set-json", $$"""
            frontend.auth.keys=[
              {"name":"judge","sha256":"{{JudgeHash}}"},
              {"name":"operators","sha256":"{{OperatorsHash}}","requestsPerMinute":1000000,"maxActiveSubmissions":0,"operator":true}]
            """);

        string[] expected =
        [
            "Auth__AllowAnonymous=false",
            "Auth__AnonymousRequestsPerMinute=600",
            "Auth__Keys__0__Name=judge",
            $"Auth__Keys__0__Sha256={JudgeHash}",
            "Auth__Keys__1__Name=operators",
            $"Auth__Keys__1__Sha256={OperatorsHash}",
            "Auth__Keys__1__RequestsPerMinute=1000000",
            "Auth__Keys__1__MaxActiveSubmissions=0",
            "Auth__Keys__1__Operator=true",
        ];
        Assert.Equal(expected, AuthEnvironment(Manifests.Container(manifests.FrontendDeployment, "frontend")));
        Assert.Empty(AuthEnvironment(Manifests.Container(manifests.SiloDeployment, "silo")));
    }

    [Theory]
    [MemberData(nameof(ValueSets.Names), MemberType = typeof(ValueSets))]
    public async Task TheFrontendRefusesAnonymousCallersUnlessTold(string valueSet)
    {
        var manifests = await HelmChart.TemplateAsync(ValueSets.All[valueSet]);
        Assert.Equal("false", Manifests.Env(Manifests.Container(manifests.FrontendDeployment, "frontend"), "Auth__AllowAnonymous"));

        var open = await HelmChart.TemplateAsync(
            "--set", "frontend.auth.allowAnonymous=true", "--set", "frontend.auth.anonymousRequestsPerMinute=30");
        var frontend = Manifests.Container(open.FrontendDeployment, "frontend");
        Assert.Equal("true", Manifests.Env(frontend, "Auth__AllowAnonymous"));
        Assert.Equal("30", Manifests.Env(frontend, "Auth__AnonymousRequestsPerMinute"));
    }

    [Fact]
    public async Task AnExistingSecretBecomesTheFrontendsEnvironmentAndOnlyThere()
    {
        var manifests = await HelmChart.TemplateAsync("--set", "frontend.auth.existingSecret=coderun-api-keys");
        var envFrom = Manifests.Container(manifests.FrontendDeployment, "frontend")["envFrom"]!.AsArray();
        Assert.Equal("coderun-api-keys", (string?)Assert.Single(envFrom)!["secretRef"]!["name"]);
        Assert.Null(Manifests.Container(manifests.SiloDeployment, "silo")["envFrom"]);

        var defaults = await HelmChart.TemplateAsync();
        Assert.Null(Manifests.Container(defaults.FrontendDeployment, "frontend")["envFrom"]);
    }

    [Fact]
    public async Task ChartRefusesTwoKeysWithTheSameHash()
    {
        var (exitCode, _, stderr) = await HelmChart.TryTemplateAsync("--set-json",
            $$"""frontend.auth.keys=[{"name":"a","sha256":"{{JudgeHash}}"},{"name":"b","sha256":"{{JudgeHash}}"}]""");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("same sha256", stderr);
    }

    private static string[] AuthEnvironment(JsonObject container) =>
        [.. container["env"]!.AsArray()
            .Select(e => e!.AsObject())
            .Where(e => ((string?)e["name"])!.StartsWith("Auth__", StringComparison.Ordinal))
            .Select(e => $"{(string?)e["name"]}={(string?)e["value"]}")];
}
