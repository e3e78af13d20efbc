using CodeRunner.Frontend.Auth;

namespace CodeRunner.Tests.Operations;

/// <summary>A stateless frontend with keys: one operator key, one editor key; settings read fresh on every request.</summary>
public sealed class OperatorFrontend(IReadOnlyDictionary<string, string>? extra = null) : FrontendApp(hostSilo: false, Settings(extra))
{
    public const string OperatorKey = "crk_test_operator";
    public const string EditorKey = "crk_test_editor";

    private static Dictionary<string, string> Settings(IReadOnlyDictionary<string, string>? extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Auth:Keys:0:Name"] = "ops",
            ["Auth:Keys:0:Sha256"] = ApiKeys.Hash(OperatorKey),
            ["Auth:Keys:0:Operator"] = "true",
            ["Auth:Keys:1:Name"] = "editor",
            ["Auth:Keys:1:Sha256"] = ApiKeys.Hash(EditorKey),
            ["Operations:SettingsCacheDuration"] = "00:00:00.001",
            ["Logging:LogLevel:CodeRunner.Storage"] = "Information", // the log tail test looks for the migrations' entries
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            settings[key] = value;
        return settings;
    }

    public HttpClient Client(string? key)
    {
        var http = CreateClient();
        if (key is not null)
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }
}
