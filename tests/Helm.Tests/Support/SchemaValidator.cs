using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeRunner.Helm.Tests.Support;

/// <summary>
/// Checks manifests against the Kubernetes API schemas offline (validate-manifests.mjs, on the
/// validators kubernetes-models compiles from the API's OpenAPI document, and KEDA's CRDs).
/// </summary>
internal static class SchemaValidator
{
    public sealed record Result(int Index, string? ApiVersion, string? Kind, string? Name, IReadOnlyList<string> Errors);

    public static async Task<IReadOnlyList<Result>> ValidateAsync(IEnumerable<JsonObject> manifests)
    {
        var file = Path.Combine(Path.GetTempPath(), $"coderun-manifests-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, new JsonArray(manifests.Select(m => m.DeepClone()).ToArray()).ToJsonString());
            var (exitCode, stdout, stderr) = await Tool.RunAsync(ChartTools.Node, ChartTools.Validator, ChartTools.ToolsDirectory, file);
            var results = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonSerializer.Deserialize<Result>(line, JsonSerializerOptions.Web)!)
                .ToList();
            // The exit code and the lines must agree; a crash of the validator is a failure, not a pass.
            var anyErrors = results.Any(r => r.Errors.Count > 0);
            if ((exitCode == 0) == anyErrors || (exitCode is not (0 or 1)))
                throw new InvalidOperationException($"validate-manifests.mjs exited with {exitCode}:\n{stderr}\n{stdout}");
            return results;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Fails the test with every error of every manifest that does not match its schema.</summary>
    public static async Task AssertValidAsync(Manifests manifests)
    {
        var results = await ValidateAsync(manifests.All);
        Assert.Equal(manifests.All.Count, results.Count);
        var errors = results.Where(r => r.Errors.Count > 0).Select(r => $"{r.Kind}/{r.Name}: {string.Join("; ", r.Errors)}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
