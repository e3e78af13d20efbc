namespace CodeRunner.Helm.Tests.Support;

/// <summary>The real helm binary on the chart under helm/coderun.</summary>
internal static class HelmChart
{
    /// <summary>The Kubernetes version the chart is rendered for: the oldest one it supports (native sidecars).</summary>
    public const string KubeVersion = "1.29.0";

    public static Task<(int ExitCode, string Stdout, string Stderr)> LintAsync(params string[] valueArguments) =>
        Tool.RunAsync(ChartTools.Helm, ["lint", "--strict", ChartTools.Chart, "--kube-version", KubeVersion, .. valueArguments]);

    public static Task<(int ExitCode, string Stdout, string Stderr)> TryTemplateAsync(params string[] valueArguments) =>
        Tool.RunAsync(ChartTools.Helm,
            ["template", "coderun", ChartTools.Chart, "--namespace", "coderun", "--kube-version", KubeVersion, .. valueArguments]);

    /// <summary>Renders the chart and parses every manifest; fails the test when helm refuses.</summary>
    public static async Task<Manifests> TemplateAsync(params string[] valueArguments)
    {
        var (exitCode, stdout, stderr) = await TryTemplateAsync(valueArguments);
        Assert.True(exitCode == 0, $"helm template {string.Join(' ', valueArguments)} failed:\n{stderr}");
        return Manifests.Parse(stdout);
    }
}
