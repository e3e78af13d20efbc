using System.Text.Json.Nodes;

namespace CodeRunner.Tests.Compatibility;

/// <summary>
/// Hostile variations of a valid Judge0 or Piston body: each of the peer's fields set to values of
/// the wrong type, out of range, huge, nested or absent, plus truncations and random JSON. Seeded.
/// </summary>
internal sealed class PeerBodyFuzzer(int seed, Func<JsonObject> valid, string[] fields)
{
    private static readonly Func<Random, JsonNode?>[] Values =
    [
        _ => null,
        _ => JsonValue.Create(true),
        r => JsonValue.Create(r.Next(-3, 3)),
        _ => JsonValue.Create(-1),
        _ => JsonValue.Create(1e300),
        _ => JsonValue.Create(long.MaxValue),
        _ => JsonValue.Create(0.0001),
        _ => JsonValue.Create(""),
        _ => JsonValue.Create("\0\u0001"),
        _ => JsonValue.Create("!!not base64"),
        _ => JsonValue.Create("aGVsbG8="),
        _ => JsonValue.Create("1e400"),
        _ => JsonValue.Create("../../etc/passwd"),
        _ => JsonValue.Create(new string('x', 5000)),
        _ => new JsonArray(),
        _ => new JsonArray(JsonValue.Create("a"), null, JsonValue.Create(3)),
        _ => new JsonArray(new JsonObject { ["name"] = "../a", ["content"] = 5, ["encoding"] = "rot13" }),
        _ => new JsonArray(new JsonObject { ["content"] = "zz", ["encoding"] = "hex" }),
        _ => new JsonObject { ["nested"] = new JsonObject() },
    ];

    private readonly Random _random = new(seed);

    public string Next()
    {
        var body = valid();
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            var field = fields[_random.Next(fields.Length)];
            if (_random.Next(5) == 0)
                body.Remove(field);
            else
                body[field] = Values[_random.Next(Values.Length)](_random);
        }
        var json = body.ToJsonString();
        return _random.Next(10) switch
        {
            0 => json[.._random.Next(json.Length)],
            1 => "[" + json + "]",
            2 => "null",
            _ => json,
        };
    }
}
