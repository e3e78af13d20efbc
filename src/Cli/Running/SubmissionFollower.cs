using System.Text.Json;
using CodeRunner.Cli.Http;

namespace CodeRunner.Cli.Running;

/// <summary>
/// Follows a submission to its end: the events stream first, and polling when the stream fails or
/// ends without a result (the server caps a stream's length; a proxy may cut it).
/// </summary>
public static class SubmissionFollower
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<JsonElement> FollowAsync(CodeRunClient client, JsonElement submitted, Action<string> onStatus, CancellationToken ct)
    {
        var id = submitted.GetProperty("id").GetGuid();
        var document = submitted;
        onStatus(StatusOf(document));
        if (IsCompleted(document))
            return document;
        try
        {
            await foreach (var item in client.EventsAsync(id, ct))
            {
                document = JsonDocument.Parse(item.Data).RootElement.Clone();
                onStatus(StatusOf(document));
                if (IsCompleted(document))
                    return document;
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or JsonException or ServiceException { Status: >= System.Net.HttpStatusCode.InternalServerError })
        {
            // Fall back to polling below; a service that is really gone fails there too.
        }
        while (true)
        {
            document = await client.GetAsync(id, ct);
            onStatus(StatusOf(document));
            if (IsCompleted(document))
                return document;
            await Task.Delay(PollInterval, ct);
        }
    }

    private static string StatusOf(JsonElement document) =>
        document.TryGetProperty("status", out var status) ? status.GetString() ?? "" : "";

    private static bool IsCompleted(JsonElement document) => StatusOf(document) == "Completed";
}
