namespace CodeRunner.Helm.Tests.Support;

/// <summary>The value sets every chart test renders: the defaults, the production example, and the optional parts switched on.</summary>
internal static class ValueSets
{
    public static readonly IReadOnlyDictionary<string, string[]> All = new Dictionary<string, string[]>
    {
        ["defaults"] = [],
        ["production example"] = ["-f", ChartTools.ProductionExample],
        ["every option on"] =
        [
            "--set", "postgresql.embedded.enabled=true",
            "--set", "keda.enabled=true",
            "--set", "ingress.enabled=true",
            "--set", "ingress.tlsSecretName=tls",
            "--set", "languageImages.pull[0]=coderun/lang-python:19908b0495302de0",
            "--set", "silo.languages.buildMissingImages=true",
            "--set", "silo.languages.enabled[0]=python",
            "--set", "networkPolicy.postgresql.cidrs[0]=10.0.0.0/8",
            "--set", "frontend.auth.keys[0].name=ci",
            "--set", "frontend.auth.keys[0].sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "--set", "frontend.auth.keys[0].requestsPerMinute=60",
            "--set", "frontend.auth.keys[0].maxActiveSubmissions=0",
            "--set", "frontend.auth.keys[0].operator=true",
            "--set", "frontend.auth.existingSecret=coderun-api-keys",
        ],
        ["host engine"] = ["--set", "engine.mode=host", "--set", "silo.autoscaling.enabled=false", "--set", "frontend.autoscaling.enabled=false"],
    };

    public static TheoryData<string> Names => new(All.Keys);
}
