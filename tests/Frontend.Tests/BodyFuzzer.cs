using System.Text;
using System.Text.Json.Nodes;

namespace CodeRunner.Tests;

/// <summary>
/// Generates hostile request bodies: random JSON of every shape, mutations of a valid submission
/// (wrong types, huge numbers, control characters, invalid base64, deep nesting), truncations and
/// raw garbage. Seeded, so a failure can be replayed.
/// </summary>
internal sealed class BodyFuzzer(int seed)
{
    private static readonly string[] Fields = ["language", "files", "source", "stdin", "stdinEncoding", "args", "compileOptions", "limits", "expectedOutput", "comparison", "outputEncoding", "priority"];
    private static readonly string[] Weird = ["", "\0", "\u0001\u001f", "../../etc/passwd", "/abs", "a//b", "é✓😀", "\ud800", "%00", "null", "true", "1e400", "NaN", new string('x', 5000), "python\nbash"];
    private readonly Random _random = new(seed);

    public string Next() => _random.Next(10) switch
    {
        0 => RandomValue(0)?.ToJsonString() ?? "null",
        1 => Garbage(),
        2 => Truncate(Mutated().ToJsonString()),
        3 => Nested(_random.Next(20, 200)),
        4 => $"[{string.Join(",", Enumerable.Range(0, _random.Next(0, 4)).Select(_ => (_random.Next(2) == 0 ? Valid() : Mutated()).ToJsonString()))}]",
        _ => Mutated().ToJsonString(),
    };

    private JsonObject Valid() => new()
    {
        ["language"] = _random.Next(4) == 0 ? "c" : "python",
        ["files"] = new JsonArray(new JsonObject { ["name"] = "main.py", ["content"] = "print(1)" }),
        ["stdin"] = "1 2",
        ["limits"] = new JsonObject { ["cpuTimeMs"] = 1000 },
    };

    private JsonObject Mutated()
    {
        var body = Valid();
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            var field = Fields[_random.Next(Fields.Length)];
            switch (_random.Next(4))
            {
                case 0: body.Remove(field); break;
                case 1: body[field] = RandomValue(1); break;
                case 2: body[field] = JsonValue.Create(Weird[_random.Next(Weird.Length)]); break;
                default: body[field] = Awkward(field); break;
            }
        }
        return body;
    }

    /// <summary>A value of roughly the right shape with something wrong inside it.</summary>
    private JsonNode? Awkward(string field) => field switch
    {
        "files" => new JsonArray(new JsonObject
        {
            ["name"] = Weird[_random.Next(Weird.Length)],
            ["content"] = _random.Next(2) == 0 ? "!!!not-base64" : new string('y', _random.Next(0, 100)),
            ["encoding"] = _random.Next(3) switch { 0 => "Base64", 1 => "base64", _ => "rot13" },
        }, null),
        "limits" => new JsonObject
        {
            ["cpuTimeMs"] = _random.Next(3) switch { 0 => JsonValue.Create(-1), 1 => JsonValue.Create(long.MaxValue), _ => JsonValue.Create(1e300) },
            ["memoryBytes"] = JsonValue.Create("lots"),
        },
        "args" or "compileOptions" => new JsonArray(JsonValue.Create("\0"), null, JsonValue.Create(new string('a', 10_000))),
        "priority" => JsonValue.Create(_random.Next(2) == 0 ? int.MinValue : 1e20),
        _ => JsonValue.Create(Weird[_random.Next(Weird.Length)]),
    };

    private JsonNode? RandomValue(int depth) => (_random.Next(depth > 4 ? 5 : 7)) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(2) == 0),
        2 => JsonValue.Create(_random.NextDouble() * Math.Pow(10, _random.Next(-10, 300))),
        3 => JsonValue.Create(Weird[_random.Next(Weird.Length)]),
        4 => JsonValue.Create(_random.NextInt64()),
        5 => new JsonArray(Enumerable.Range(0, _random.Next(4)).Select(_ => RandomValue(depth + 1)).ToArray()),
        _ => new JsonObject(Enumerable.Range(0, _random.Next(4))
            .Select(i => KeyValuePair.Create(_random.Next(2) == 0 ? Fields[_random.Next(Fields.Length)] : $"k{i}", RandomValue(depth + 1)))
            .DistinctBy(kv => kv.Key)),
    };

    private string Nested(int depth) => _random.Next(2) == 0
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"language\":", depth)) + "1" + new string('}', depth);

    private string Truncate(string json) => json[.._random.Next(json.Length)];

    private string Garbage()
    {
        var bytes = new byte[_random.Next(0, 300)];
        _random.NextBytes(bytes);
        return Encoding.Latin1.GetString(bytes);
    }
}
