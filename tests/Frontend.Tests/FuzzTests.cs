using System.Net;
using System.Text;

namespace CodeRunner.Tests;

/// <summary>Nothing a client sends produces a 5xx: thousands of generated hostile bodies get a 4xx (or are accepted).</summary>
public sealed class FuzzTests(StatelessFrontend app) : IClassFixture<StatelessFrontend>
{
    [Theory]
    [InlineData("/api/v1/submissions", 1)]
    [InlineData("/api/v1/submissions/batch", 2)]
    public async Task GeneratedHostileBodiesNeverGetA5xx(string path, int seed)
    {
        var http = app.CreateClient();
        var fuzzer = new BodyFuzzer(seed);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < 1500; i++)
        {
            var body = fuzzer.Next();
            using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"body #{i} (seed {seed}) got {status}: {Shorten(body)}\n{await response.Content.ReadAsStringAsync()}");
            if (status >= 400)
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        // The generator must reach both sides: some bodies accepted, most refused.
        Assert.Contains(statuses.Keys, s => s == (int)HttpStatusCode.Accepted);
        Assert.Contains(statuses.Keys, s => s == (int)HttpStatusCode.BadRequest);
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
