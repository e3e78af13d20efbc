using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeRunner.Cli.Http;

/// <summary>The service's JSON: camelCase, enums as strings, absent fields left out of requests.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
