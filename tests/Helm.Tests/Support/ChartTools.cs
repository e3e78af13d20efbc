namespace CodeRunner.Helm.Tests.Support;

/// <summary>
/// Where the chart and the tools that check it are. helm, kubectl and the Kubernetes schemas are put
/// in <c>/var/cache/coderun/tools</c> by scripts/setup-host.sh (from npm: no cluster and no GitHub
/// download is needed); <c>CODERUN_TOOLS_DIR</c> points elsewhere.
/// </summary>
internal static class ChartTools
{
    public static string ToolsDirectory { get; } =
        Environment.GetEnvironmentVariable("CODERUN_TOOLS_DIR") is { Length: > 0 } dir ? dir : "/var/cache/coderun/tools";

    public static string Helm => Require(Path.Combine(ToolsDirectory, "bin", "helm"));

    public static string Node => FindOnPath("node") ?? throw new InvalidOperationException(
        "node is not on PATH: run scripts/setup-host.sh (it installs Debian's nodejs).");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Chart => Path.Combine(RepositoryRoot, "helm", "coderun");

    public static string ProductionExample => Path.Combine(RepositoryRoot, "helm", "examples", "production.yaml");

    public static string Validator => Path.Combine(AppContext.BaseDirectory, "validate-manifests.mjs");

    private static string Require(string path) => File.Exists(path) ? path : throw new InvalidOperationException(
        $"{path} is missing: run scripts/setup-host.sh (it installs helm, kubectl and the Kubernetes schemas from npm).");

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Actors.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Actors.sln not found above " + AppContext.BaseDirectory);
    }
}
