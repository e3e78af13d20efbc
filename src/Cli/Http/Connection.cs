namespace CodeRunner.Cli.Http;

/// <summary>Where the service is and the key to it: the options, else the environment, else the single node's default address.</summary>
public static class Connection
{
    public const string EndpointVariable = "CODERUN_ENDPOINT";
    public const string ApiKeyVariable = "CODERUN_API_KEY";
    public const string DefaultEndpoint = "http://127.0.0.1:8080";

    public static Uri Endpoint(string? option, Func<string, string?> environment)
    {
        var value = NonEmpty(option) ?? NonEmpty(environment(EndpointVariable)) ?? DefaultEndpoint;
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new Running.UsageException($"the endpoint {value} is not an http:// or https:// address");
    }

    public static string? ApiKey(string? option, Func<string, string?> environment) =>
        NonEmpty(option) ?? NonEmpty(environment(ApiKeyVariable));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
