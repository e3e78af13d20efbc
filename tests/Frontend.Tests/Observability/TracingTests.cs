using System.Diagnostics;
using System.Net;
using CodeRunner.Tests.Support;

namespace CodeRunner.Tests.Observability;

/// <summary>One submission is one trace: the HTTP request's span, the client's enqueue, and the silo's claim and run, linked through the store.</summary>
public sealed class TracingTests(TracedFrontend app) : IClassFixture<TracedFrontend>
{
    private static readonly string[] CodeRunnerSpans = ["submission.submit", "submission.claim", "submission.execute", "sandbox.acquire", "sandbox.run"];

    [Fact]
    public async Task ASubmissionsSpansFromTheHttpRequestToTheSandboxRunShareOneTrace()
    {
        // The caller's own traceparent: the request's span (and so the whole trace) takes its trace id.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var callerSpanId = ActivitySpanId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/submissions?wait=true")
        {
            Content = new StringContent("""{"language":"bash","source":"echo traced"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01");
        using var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetString();

        // Spans are exported in batches (every 5 s by default).
        List<OtlpSpan> trace = [];
        await Eventually.True(() =>
        {
            trace = app.Receiver.Spans.Where(s => s.TraceId == traceId).ToList();
            return CodeRunnerSpans.All(n => trace.Any(s => s.Name == n))
                   && trace.Any(s => s.Scope == "Microsoft.AspNetCore");
        }, TimeSpan.FromSeconds(60), "the request's and the run's spans reach the collector");

        var http = Assert.Single(trace, s => s.Scope == "Microsoft.AspNetCore");
        var submit = Assert.Single(trace, s => s.Name == "submission.submit");
        var claim = Assert.Single(trace, s => s.Name == "submission.claim");
        var execute = Assert.Single(trace, s => s.Name == "submission.execute");
        var run = Assert.Single(trace, s => s.Name == "sandbox.run");
        Assert.Equal(callerSpanId, http.ParentSpanId);
        Assert.Equal(http.SpanId, submit.ParentSpanId);
        Assert.Equal(submit.SpanId, claim.ParentSpanId); // continued by the silo from the stored traceparent
        Assert.Equal(submit.SpanId, execute.ParentSpanId);
        Assert.Equal(execute.SpanId, run.ParentSpanId);
        Assert.All(new[] { submit, claim, execute, run }, s =>
        {
            Assert.Equal("CodeRunner", s.Scope);
            Assert.Equal(id, s.Attributes["coderun.submission.id"]);
            Assert.Equal("bash", s.Attributes["coderun.language"]);
        });
        Assert.Equal("Accepted", execute.Attributes["coderun.verdict"]);
        Assert.All(trace, s => Assert.Equal("coderun-frontend", s.Service));

        // The node's own HTTP calls (its Docker engine keeping the warm pool, heartbeats) begin no
        // trace of their own: exported in the same batches as the above, had they been sampled.
        var roots = app.Receiver.Spans.Where(s => s.ParentSpanId == "" && s.Scope == "System.Net.Http").ToList();
        Assert.True(roots.Count == 0, $"{roots.Count} outgoing HTTP calls began traces, e.g. {roots.FirstOrDefault()}");
    }
}
