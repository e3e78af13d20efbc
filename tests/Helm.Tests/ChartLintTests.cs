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
