using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CodeRunner.Languages;

namespace CodeRunner.Cli.Http;

/// <summary>The service's HTTP API (docs/api.md), as the commands need it. Errors become <see cref="ServiceException"/>.</summary>
public sealed class CodeRunClient(HttpClient http)
{
    /// <summary>The header the service reads API keys from.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    public static HttpClient CreateHttp(Uri endpoint, string? apiKey)
    {
        // A trailing slash keeps a path prefix (https://host/coderun/) when relative URIs are resolved.
        var baseAddress = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(apiKey))
            http.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        return http;
    }

    public async Task<IReadOnlyList<LanguageInfo>> GetLanguagesAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri("api/v1/languages", UriKind.Relative), ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<List<LanguageInfo>>(CliJson.Options, ct) ?? [];
    }

    public async Task<JsonElement> SubmitAsync(SubmissionBody body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(new Uri("api/v1/submissions", UriKind.Relative), body, CliJson.Options, ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<JsonElement>(CliJson.Options, ct);
    }

    public async Task<JsonElement> GetAsync(Guid id, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri($"api/v1/submissions/{id}", UriKind.Relative), ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<JsonElement>(CliJson.Options, ct);
    }

    public async Task CancelAsync(Guid id, CancellationToken ct)
    {
        using var response = await http.DeleteAsync(new Uri($"api/v1/submissions/{id}", UriKind.Relative), ct);
        await EnsureSuccessAsync(response, ct);
    }

    /// <summary>The submission's events until the server ends the stream.</summary>
    public async IAsyncEnumerable<ServerSentEvent> EventsAsync(Guid id, [EnumeratorCancellation] CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/v1/submissions/{id}/events", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccessAsync(response, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var item in ServerSentEventReader.ReadAsync(stream, ct))
            yield return item;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
            return;
        Problem? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<Problem>(CliJson.Options, ct);
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's HTML page, say): the status alone is reported.
        }
        throw new ServiceException(response.StatusCode, problem);
    }
}
