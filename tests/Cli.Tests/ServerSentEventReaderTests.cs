using System.Text;
using CodeRunner.Cli.Http;

namespace CodeRunner.Tests;

/// <summary>The event-stream rules the CLI relies on to follow a submission.</summary>
public sealed class ServerSentEventReaderTests
{
    private static async Task<List<ServerSentEvent>> Read(string stream)
    {
        var events = new List<ServerSentEvent>();
        await foreach (var item in ServerSentEventReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(stream)), CancellationToken.None))
            events.Add(item);
        return events;
    }

    [Fact]
    public async Task EventsAreSplitOnBlankLinesWithTheirNamesAndData()
    {
        var events = await Read("event: status\ndata: {\"status\":\"Running\"}\n\n: a comment\nevent: result\ndata: a\ndata: b\n\n");
        Assert.Equal([new ServerSentEvent("status", "{\"status\":\"Running\"}"), new ServerSentEvent("result", "a\nb")], events);
    }

    [Fact]
    public async Task AnEventCutOffBeforeItsBlankLineIsNotReported()
    {
        var events = await Read("event: status\ndata: {}\n\nevent: result\ndata: {\"status\":");
        Assert.Equal([new ServerSentEvent("status", "{}")], events);
    }
}
