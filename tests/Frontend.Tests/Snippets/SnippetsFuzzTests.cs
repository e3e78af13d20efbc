using System.Net;
using System.Text;

namespace CodeRunner.Tests.Snippets;

/// <summary>Nothing a client shares produces a 5xx: the submissions' hostile bodies, sent as snippets, get a 4xx (or are stored).</summary>
public sealed class SnippetsFuzzTests(StatelessFrontend app) : IClassFixture<StatelessFrontend>
{
    [Fact]
    public async Task GeneratedHostileSnippetsNeverGetA5xx()
    {
        var http = app.CreateClient();
        var fuzzer = new BodyFuzzer(3);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < 1500; i++)
        {
            var body = fuzzer.Next();
            using var response = await http.PostAsync("/api/v1/snippets", new StringContent(body, Encoding.UTF8, "application/json"));
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"body #{i} got {status}: {(body.Length > 300 ? body[..300] : body)}\n{await response.Content.ReadAsStringAsync()}");
            if (status >= 400)
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains(statuses.Keys, s => s == (int)HttpStatusCode.Created);
        Assert.Contains(statuses.Keys, s => s == (int)HttpStatusCode.BadRequest);
    }
}
