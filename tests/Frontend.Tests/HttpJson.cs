using System.Text;
using System.Text.Json;

namespace CodeRunner.Tests;

/// <summary>Posting JSON text and reading JSON answers, as the API tests do throughout.</summary>
internal static class HttpJson
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, string json) =>
        http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
