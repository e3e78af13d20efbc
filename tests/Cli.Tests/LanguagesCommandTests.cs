namespace CodeRunner.Tests;

/// <summary><c>coderun languages</c>, and finding the service from the environment.</summary>
[Collection(CliCollection.Name)]
public sealed class LanguagesCommandTests(CliFrontend service)
{
    [Fact]
    public async Task LanguagesListsPythonAndBashWithTheirExtensions()
    {
        var result = await Coderun.RunAsync(["languages", "--endpoint", service.Endpoint]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("python ", StringComparison.Ordinal) && l.EndsWith(".py", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("bash ", StringComparison.Ordinal) && l.Contains(".sh", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheEndpointComesFromTheEnvironmentWhenNoOptionGivesIt()
    {
        var result = await Coderun.RunAsync(["languages"], environment: new Dictionary<string, string> { ["CODERUN_ENDPOINT"] = service.Endpoint });
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("python", result.Stdout, StringComparison.Ordinal);
    }
}
