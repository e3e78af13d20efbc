namespace CodeRunner.Tests.Observability;

/// <summary>
/// One span of an OTLP <c>ExportTraceServiceRequest</c>, decoded by hand (the few fields the tests
/// read; everything else is skipped by wire type).
/// https://github.com/open-telemetry/opentelemetry-proto/blob/main/opentelemetry/proto/trace/v1/trace.proto
/// </summary>
public sealed record OtlpSpan(string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, IReadOnlyDictionary<string, string> Attributes)
{
    public static IEnumerable<OtlpSpan> Decode(byte[] request)
    {
        var spans = new List<OtlpSpan>();
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1))
        {
            var service = Fields(resourceSpans.Bytes).Where(f => f.Number == 1)                // Resource
                .SelectMany(resource => StringAttributes(resource.Bytes, 1)).FirstOrDefault(a => a.Key == "service.name").Value ?? "";
            foreach (var scopeSpans in Fields(resourceSpans.Bytes).Where(f => f.Number == 2))
            {
                var scope = Fields(scopeSpans.Bytes).Where(f => f.Number == 1)                // InstrumentationScope
                    .Select(s => Text(Fields(s.Bytes).FirstOrDefault(f => f.Number == 1).Bytes)).FirstOrDefault() ?? "";
                foreach (var span in Fields(scopeSpans.Bytes).Where(f => f.Number == 2))
                {
                    var fields = Fields(span.Bytes).ToList();
                    string Hex(int number) => Convert.ToHexStringLower(fields.FirstOrDefault(f => f.Number == number).Bytes ?? []);
                    spans.Add(new OtlpSpan(service, scope, Hex(1), Hex(2), Hex(4),
                        Text(fields.FirstOrDefault(f => f.Number == 5).Bytes),
                        StringAttributes(span.Bytes, 9).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.First().Value)));
                }
            }
        }
        return spans;
    }

    /// <summary>The KeyValue attributes (field 9 of a span, 1 of a resource) whose AnyValue is a string.</summary>
    private static IEnumerable<KeyValuePair<string, string>> StringAttributes(byte[]? message, int number)
    {
        foreach (var field in Fields(message).Where(f => f.Number == number && f.Bytes is not null))
        {
            var kv = Fields(field.Bytes).ToList();
            if (kv.FirstOrDefault(f => f.Number == 1).Bytes is not { } key || kv.FirstOrDefault(f => f.Number == 2).Bytes is not { } value)
                continue;
            if (Fields(value).FirstOrDefault(f => f.Number == 1).Bytes is { } text)
                yield return new(Text(key), Text(text));
        }
    }

    private static string Text(byte[]? bytes) => bytes is null ? "" : System.Text.Encoding.UTF8.GetString(bytes);

    /// <summary>The top-level fields of a protobuf message; Bytes is set for length-delimited ones.</summary>
    private static List<(int Number, byte[]? Bytes)> Fields(byte[]? message)
    {
        var fields = new List<(int Number, byte[]? Bytes)>();
        if (message is null)
            return fields;
        var i = 0;
        try
        {
            while (i < message.Length)
            {
                var tag = Varint(message, ref i);
                var number = (int)(tag >> 3);
                switch (tag & 7)
                {
                    case 0:
                        Varint(message, ref i);
                        fields.Add((number, null));
                        break;
                    case 1:
                        i += 8;
                        fields.Add((number, null));
                        break;
                    case 2:
                        var length = (int)Varint(message, ref i);
                        fields.Add((number, message[i..(i + length)]));
                        i += length;
                        break;
                    case 5:
                        i += 4;
                        fields.Add((number, null));
                        break;
                    default:
                        return []; // not a message after all (a string that looked like one)
                }
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return [];
        }
        catch (IndexOutOfRangeException)
        {
            return [];
        }
        return i == message.Length ? fields : [];
    }

    private static ulong Varint(byte[] bytes, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[i++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
                return value;
        }
    }
}
