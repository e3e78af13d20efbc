using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeRunner.Storage;

/// <summary>
/// How requests, results and loads are stored as JSON: web names and enums as strings, so the
/// stored documents read well in <c>psql</c> and survive reordering of an enum's members.
/// </summary>
internal static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A stored {typeof(T).Name} is null.");
}
