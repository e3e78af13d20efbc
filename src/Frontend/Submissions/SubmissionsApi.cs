using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using CodeRunner.Frontend.Hosting;
using CodeRunner.Runs;
using CodeRunner.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Submissions;

/// <summary>Submissions through the cluster: accept, read, wait, cancel, batch, and follow as server-sent events.</summary>
public static class SubmissionsApi
{
    public static IEndpointRouteBuilder MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var submissions = app.MapGroup("/api/v1/submissions").WithTags("Submissions");
        submissions.MapPost("/", Submit);
        submissions.MapPost("/batch", SubmitBatch);
        submissions.MapGet("/{id:guid}", Get);
        submissions.MapDelete("/{id:guid}", Cancel);
        submissions.MapGet("/{id:guid}/events", Events);
        submissions.MapGet("/{id:guid}/history", History);
        return app;
    }

    /// <summary>202 with Location; with <c>?wait=true</c> 200 and the result when it finishes within <see cref="FrontendOptions.MaxWait"/>.</summary>
    private static async Task<IResult> Submit(
        SubmissionBody body, bool? wait, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext http, IClusterClient cluster, IOptions<FrontendOptions> options, CancellationToken ct)
    {
        var request = body.ToRequest(await cluster.GetLanguagesAsync(ct), idempotencyKey, Auth.Caller.Of(http));
        var submission = await cluster.SubmitAsync(request, ct);
        if (wait == true)
            submission = await cluster.WaitAsync(submission.Id, options.Value.MaxWait, ct) ?? submission;
        var document = SubmissionDocument.From(submission);
        return submission.Status == SubmissionStatus.Completed
            ? TypedResults.Ok(document)
            : TypedResults.Accepted($"/api/v1/submissions/{submission.Id}", document);
    }

    private static async Task<IResult> SubmitBatch(
        IReadOnlyList<SubmissionBody>? bodies, HttpContext http, IClusterClient cluster, IOptions<FrontendOptions> options, CancellationToken ct)
    {
        if (bodies is null || bodies.Count == 0)
            throw RunRequestException.For(RunRequestProblem.Invalid, "body", "a batch is a non-empty array of submissions");
        if (bodies.Count > options.Value.MaxBatchSize)
            throw RunRequestException.For(RunRequestProblem.TooLarge, "body", $"a batch holds at most {options.Value.MaxBatchSize} submissions");
        var languages = await cluster.GetLanguagesAsync(ct);
        var requests = new List<SubmissionRequest>();
        for (var i = 0; i < bodies.Count; i++)
        {
            try
            {
                requests.Add((bodies[i] ?? throw RunRequestException.For(RunRequestProblem.Invalid, "body", "may not be null")).ToRequest(languages, null, Auth.Caller.Of(http)));
            }
            catch (RunRequestException e)
            {
                throw new RunRequestException(e.Problem, e.Errors.ToDictionary(x => $"[{i}].{x.Key}", x => x.Value));
            }
        }
        var accepted = await cluster.SubmitBatchAsync(requests, ct);
        return TypedResults.Accepted("/api/v1/submissions", accepted.Select(SubmissionDocument.From).ToList());
    }

    private static async Task<IResult> Get(Guid id, IClusterClient cluster, CancellationToken ct) =>
        await cluster.GetAsync(id, ct) is { } submission ? TypedResults.Ok(SubmissionDocument.From(submission)) : ProblemResults.NotFound(id);

    private static async Task<IResult> Cancel(Guid id, IClusterClient cluster, CancellationToken ct) =>
        await cluster.CancelAsync(id, ct) switch
        {
            CancelStatus.NotFound => ProblemResults.NotFound(id),
            CancelStatus.Requested => TypedResults.Accepted($"/api/v1/submissions/{id}", SubmissionDocument.From((await cluster.GetAsync(id, ct))!)),
            _ => TypedResults.Ok(SubmissionDocument.From((await cluster.GetAsync(id, ct))!)),
        };

    private static async Task<IResult> History(Guid id, IClusterClient cluster, CancellationToken ct) =>
        await cluster.GetAsync(id, ct) is null ? ProblemResults.NotFound(id) : TypedResults.Ok(await cluster.GetHistoryAsync(id, ct));

    /// <summary>Server-sent events: a <c>status</c> event at each change, then <c>result</c> with the completed submission.</summary>
    private static async Task<IResult> Events(Guid id, IClusterClient cluster, IOptions<FrontendOptions> options, CancellationToken ct) =>
        await cluster.GetAsync(id, ct) is null
            ? ProblemResults.NotFound(id)
            : TypedResults.ServerSentEvents(Follow(id, cluster, options.Value.MaxEventStream, ct));

    private static async IAsyncEnumerable<SseItem<SubmissionDocument>> Follow(
        Guid id, IClusterClient cluster, TimeSpan limit, [EnumeratorCancellation] CancellationToken ct)
    {
        var until = DateTimeOffset.UtcNow + limit;
        SubmissionStatus? last = null;
        while (DateTimeOffset.UtcNow < until && !ct.IsCancellationRequested)
        {
            // WaitAsync returns at once on completion (a notification); the short timeout catches Queued → Running.
            var now = await cluster.WaitAsync(id, TimeSpan.FromMilliseconds(250), ct);
            if (now is null)
                yield break;
            if (now.Status != last)
            {
                last = now.Status;
                yield return new SseItem<SubmissionDocument>(SubmissionDocument.From(now), now.Status == SubmissionStatus.Completed ? "result" : "status");
            }
            if (now.Status == SubmissionStatus.Completed)
                yield break;
        }
    }

}
