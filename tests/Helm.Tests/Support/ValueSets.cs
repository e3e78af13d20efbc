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
        ],
        ["host engine"] = ["--set", "engine.mode=host", "--set", "silo.autoscaling.enabled=false", "--set", "frontend.autoscaling.enabled=false"],
    };

    public static TheoryData<string> Names => new(All.Keys);
}
