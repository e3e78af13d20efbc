using System.Text.Json;
using System.Text.Json.Serialization;
using CodeRunner.Runs;
using CodeRunner.Sandboxes.Launcher;

namespace CodeRunner.Sessions;

/// <summary>The JSON messages of an interactive session (docs/api.md, "Interactive sessions"): client ones parsed, server ones written.</summary>
public static class SessionMessages
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        MaxDepth = 32,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The signals a client may send, by name (with or without <c>SIG</c>).</summary>
    private static readonly Dictionary<string, int> Signals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SIGHUP"] = 1, ["SIGINT"] = 2, ["SIGQUIT"] = 3, ["SIGKILL"] = 9, ["SIGTERM"] = 15,
    };

    /// <summary>Parses and shape-checks the start message; throws <see cref="SessionClosedException"/> (4400) saying what is wrong.</summary>
    public static SessionStart ParseStart(ReadOnlySpan<byte> utf8)
    {
        SessionStart? start;
        try
        {
            start = JsonSerializer.Deserialize<SessionStart>(utf8, Json);
        }
        catch (JsonException e)
        {
            throw Bad($"the start message is not valid: {e.Message}");
        }
        if (start is null || start.Type != "start")
            throw Bad("the first message must be {\"type\":\"start\",…}");
        if (string.IsNullOrWhiteSpace(start.LanguageName))
            throw Bad("start: language is required");
        if (start.Files is not { Count: > 0 })
            throw Bad("start: files must hold at least one file");
        if (start.Cols is < 1 or > 1000 || start.Rows is < 1 or > 1000)
            throw Bad("start: cols and rows must be between 1 and 1000");
        return start;
    }

    /// <summary>Parses a message sent after start; throws <see cref="SessionClosedException"/> (4400) saying what is wrong.</summary>
    public static ClientMessage ParseInput(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
                throw Bad("a message must be a JSON object with a \"type\"");
            switch (type.GetString())
            {
                case "stdin":
                    if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String)
                        return new ClientMessage(ClientMessageKind.Stdin, System.Text.Encoding.UTF8.GetBytes(data.GetString()!));
                    if (root.TryGetProperty("base64", out var b64) && b64.ValueKind == JsonValueKind.String && b64.TryGetBytesFromBase64(out var bytes))
                        return new ClientMessage(ClientMessageKind.Stdin, bytes);
                    throw Bad("stdin: give \"data\" (text) or \"base64\" (valid base64)");
                case "eof":
                    return new ClientMessage(ClientMessageKind.Eof, []);
                case "signal":
                    if (root.TryGetProperty("signal", out var sig) && sig.ValueKind == JsonValueKind.String
                        && (Signals.TryGetValue(sig.GetString()!, out var number) || Signals.TryGetValue("SIG" + sig.GetString(), out number)))
                        return new ClientMessage(ClientMessageKind.Signal, [], number);
                    throw Bad("signal: \"signal\" must be one of SIGINT, SIGTERM, SIGKILL, SIGQUIT, SIGHUP");
                case "resize":
                    if (root.TryGetProperty("cols", out var cols) && cols.TryGetInt32(out var c) && c is >= 1 and <= 1000
                        && root.TryGetProperty("rows", out var rows) && rows.TryGetInt32(out var r) && r is >= 1 and <= 1000)
                        return new ClientMessage(ClientMessageKind.Resize, [], 0, new TerminalSize((ushort)c, (ushort)r));
                    throw Bad("resize: \"cols\" and \"rows\" must be integers between 1 and 1000");
                case "start":
                    throw Bad("the session has already started");
                default:
                    throw Bad($"unknown message type '{type.GetString()}'");
            }
        }
        catch (JsonException e)
        {
            throw Bad($"a message is not valid JSON: {e.Message}");
        }
    }

    public static byte[] Status(string state) => JsonSerializer.SerializeToUtf8Bytes(new { type = "status", state }, Json);

    /// <summary>Output of <paramref name="type"/> (<c>stdout</c>, <c>stderr</c>, <c>compile</c>) as text, or as base64 when it is not UTF-8.</summary>
    public static byte[] Output(string type, OutputChunk chunk) =>
        chunk.Text is { } text
            ? JsonSerializer.SerializeToUtf8Bytes(new { type, data = text }, Json)
            : JsonSerializer.SerializeToUtf8Bytes(new { type, base64 = Convert.ToBase64String(chunk.Bytes) }, Json);

    public static byte[] Exit(RunResult result) => JsonSerializer.SerializeToUtf8Bytes(new { type = "exit", result }, Json);

    public static byte[] Error(int code, string message) => JsonSerializer.SerializeToUtf8Bytes(new { type = "error", code, message }, Json);

    private static SessionClosedException Bad(string message) => new(SessionCloseCodes.BadRequest, message);
}
