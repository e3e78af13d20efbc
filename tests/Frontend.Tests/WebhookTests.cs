using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CodeRunner.Tests.Support;
using CodeRunner.Webhooks;

namespace CodeRunner.Tests;

/// <summary>Results reach a callback URL signed, retried with backoff, each attempt in the history; dangerous targets are refused.</summary>
public sealed class WebhookTests(WebhookFrontend app) : IClassFixture<WebhookFrontend>
{
    [Fact]
    public async Task CompletedSubmissionIsPostedSignedAndRetriedUntilTheReceiverTakesIt()
    {
        using var receiver = new CallbackReceiver(500);
        var http = app.CreateClient();
        var submitted = await http.PostAsync("/api/v1/submissions", new StringContent(
            JsonSerializer.Serialize(new { language = "bash", source = "echo called back", callbackUrl = receiver.Url }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        await Eventually.True(() => receiver.Received.Count >= 2, TimeSpan.FromSeconds(60), "the receiver got the retry");
        foreach (var (body, timestamp, signature) in receiver.Received)
            Assert.True(WebhookSignature.Verify(WebhookFrontend.Secret, long.Parse(timestamp!, System.Globalization.CultureInfo.InvariantCulture), body, signature!), "signature verifies");
        var delivered = JsonDocument.Parse(receiver.Received.Last().Body).RootElement;
        Assert.Equal(id, delivered.GetProperty("id").GetGuid());
        Assert.Equal("Accepted", delivered.GetProperty("result").GetProperty("verdict").GetString());
        Assert.Equal("called back\n", delivered.GetProperty("result").GetProperty("stdout").GetString());

        await Eventually.True(async () => (await History(http, id)).Count(e => e.Kind == "Callback") == 2, TimeSpan.FromSeconds(10), "both attempts are recorded");
        Assert.Equal(["attempt 1: 500", "attempt 2: 200"], (await History(http, id)).Where(e => e.Kind == "Callback").Select(e => e.Detail));
    }

    private static async Task<List<(string Kind, string? Detail)>> History(HttpClient http, Guid id) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{id}/history")).EnumerateArray()
            .Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("detail").GetString())).ToList();
}

/// <summary>Callback targets a stranger could abuse are refused at submit time, naming the setting.</summary>
public sealed class CallbackRefusalTests(StatelessFrontend app) : IClassFixture<StatelessFrontend>
{
    [Theory]
    [InlineData("http://127.0.0.1:9/x", "Webhooks:AllowLoopback")]
    [InlineData("http://localhost/x", "Webhooks:AllowLoopback")]
    [InlineData("http://169.254.169.254/latest/meta-data", "Webhooks:AllowPrivateNetworks")]
    [InlineData("http://10.1.2.3/x", "Webhooks:AllowPrivateNetworks")]
    [InlineData("http://[::1]/x", "Webhooks:AllowLoopback")]
    [InlineData("ftp://example.com/x", "http or https")]
    [InlineData("not a url", "http or https")]
    public async Task DangerousOrMalformedCallbackUrlIs422(string url, string named)
    {
        var response = await app.CreateClient().PostAsync("/api/v1/submissions", new StringContent(
            JsonSerializer.Serialize(new { language = "bash", source = "echo", callbackUrl = url }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("callbackUrl");
        Assert.Contains(named, errors[0].GetString(), StringComparison.Ordinal);
    }
}
