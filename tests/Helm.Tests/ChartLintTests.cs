using CodeRunner.Helm.Tests.Support;

namespace CodeRunner.Helm.Tests;

public class ChartLintTests
{
    [Theory]
    [MemberData(nameof(ValueSets.Names), MemberType = typeof(ValueSets))]
    public async Task ChartPassesStrictLint(string valueSet)
    {
        var (exitCode, stdout, stderr) = await HelmChart.LintAsync(ValueSets.All[valueSet]);
        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("0 chart(s) failed", stdout);
    }

    [Theory]
    [InlineData("silo.sandboxes.runtime=kata")]
    [InlineData("clusterId=x' OR '1'='1")]
    [InlineData("engine.mode=docker")]
    [InlineData("silo.shutdownGrace=20s")]
    [InlineData("frontend.replicas=0")]
    [InlineData("postgresql.external.existingSecret=")]
    [InlineData("silo.notAValue=1")]
    [InlineData("frontend.auth.keys[0].name=judge,frontend.auth.keys[0].sha256=9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08")]
    [InlineData("frontend.auth.keys[0].name=judge,frontend.auth.keys[0].sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0")]
    [InlineData("frontend.auth.keys[0].name=,frontend.auth.keys[0].sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("frontend.auth.keys[0].name=judge,frontend.auth.keys[0].sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08,frontend.auth.keys[0].role=admin")]
    [InlineData("frontend.auth.keys[0].name=judge,frontend.auth.keys[0].sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08,frontend.auth.keys[0].requestsPerMinute=0")]
    [InlineData("frontend.auth.anonymousRequestsPerMinute=0")]
    [InlineData("frontend.auth.apiKey=crk_x")]
    public async Task ValuesSchemaRefusesABadValue(string setting)
    {
        var (exitCode, _, stderr) = await HelmChart.TryTemplateAsync("--set", setting);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("coderun", stderr);
    }

    [Fact]
    public async Task ChartRefusesAGracePeriodThatDoesNotCoverTheShutdown()
    {
        var (exitCode, _, stderr) = await HelmChart.TryTemplateAsync(
            "--set", "silo.shutdownGrace=00:01:00", "--set", "silo.terminationGracePeriodSeconds=80");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("terminationGracePeriodSeconds", stderr);
    }

    [Fact]
    public void EveryValueIsDocumentedInValuesYaml()
    {
        var lines = File.ReadAllLines(Path.Combine(ChartTools.Chart, "values.yaml"));
        var undocumented = Enumerable.Range(0, lines.Length)
            .Where(i => IsLeaf(lines[i]) && !IsDocumented(lines, i))
            .Select(i => $"line {i + 1}: {lines[i].Trim()}")
            .ToList();
        Assert.True(undocumented.Count == 0, "undocumented values:\n" + string.Join("\n", undocumented));
    }

    private static bool IsLeaf(string line) =>
        !string.IsNullOrWhiteSpace(line) && !line.TrimStart().StartsWith('#') && !line.TrimStart().StartsWith('-')
        && !line.TrimEnd().EndsWith(':');

    /// <summary>
    /// A value is documented by a "# --" comment right above it, above the run of sibling lines it
    /// belongs to (nodeSelector, tolerations, affinity share one), or above the block that holds it.
    /// </summary>
    private static bool IsDocumented(string[] lines, int index)
    {
        var indent = Indent(lines[index]);
        for (var j = index - 1; j >= 0; j--)
        {
            var line = lines[j];
            var isComment = line.TrimStart().StartsWith('#');
            if (string.IsNullOrWhiteSpace(line) || Indent(line) > indent)
                return false;
            if (Indent(line) < indent)
                return !isComment && IsDocumented(lines, j);
            if (isComment && line.TrimStart().StartsWith("# --"))
                return true;
        }
        return false;
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;
}
