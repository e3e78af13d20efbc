using System.CommandLine;
using CodeRunner.Cli.Http;

namespace CodeRunner.Cli;

/// <summary>The options every command takes: where the service is and the key to it. One set per command tree.</summary>
public sealed class CommonOptions
{
    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        HelpName = "URL",
        Description = $"The service's address (default: ${Connection.EndpointVariable}, else {Connection.DefaultEndpoint})",
        Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        HelpName = "KEY",
        Description = $"The API key, sent as {CodeRunClient.ApiKeyHeader} (default: ${Connection.ApiKeyVariable})",
        Recursive = true,
    };

    public HttpClient CreateHttp(ParseResult parse, Func<string, string?> environment) =>
        CodeRunClient.CreateHttp(
            Connection.Endpoint(parse.GetValue(Endpoint), environment),
            Connection.ApiKey(parse.GetValue(ApiKey), environment));
}
