using System.Runtime.CompilerServices;
using System.Text;

namespace CodeRunner.Cli.Http;

/// <summary>
/// Reads a text/event-stream (https://html.spec.whatwg.org/multipage/server-sent-events.html): the
/// few rules the service uses, <c>event:</c> and <c>data:</c> fields ended by a blank line; comments
/// and other fields are skipped.
/// </summary>
public static class ServerSentEventReader
{
    public static async IAsyncEnumerable<ServerSentEvent> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? name = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                    yield return new ServerSentEvent(name ?? "message", data.ToString(0, data.Length - 1));
                name = null;
                data.Clear();
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
                value = value[1..];
            if (field == "event")
                name = value;
            else if (field == "data")
                data.Append(value).Append('\n');
        }
    }
}
