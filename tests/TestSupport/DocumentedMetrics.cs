using System.Text.RegularExpressions;

namespace CodeRunner.Tests.Support;

/// <summary>The metric names that docs/operations.md promises: the first column of the table under "## Metrics".</summary>
public static partial class DocumentedMetrics
{
    public static IReadOnlyList<string> Names { get; } = Read();

    private static List<string> Read()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Actors.sln")))
            dir = dir.Parent;
        var docs = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Actors.sln not found above " + AppContext.BaseDirectory), "docs", "operations.md");
        var section = File.ReadAllText(docs).Split("\n## ").Single(s => s.StartsWith("Metrics\n", StringComparison.Ordinal));
        var names = section.Split('\n').Select(l => Row().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        return names.Count > 0 ? names : throw new InvalidOperationException("docs/operations.md lists no metric.");
    }

    [GeneratedRegex(@"^\| `([a-z_:][a-z0-9_:]*)` \|")]
    private static partial Regex Row();
}
