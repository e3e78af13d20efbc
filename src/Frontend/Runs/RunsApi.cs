using CodeRunner.Frontend.Hosting;
using CodeRunner.Frontend.Submissions;
using CodeRunner.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Runs;

/// <summary>
/// <c>POST /api/v1/runs</c>: run one program and answer with its result (200), the simplest way
/// to use the service. Goes through the cluster like any submission; when it takes longer than
/// <see cref="FrontendOptions.MaxWait"/> the answer is 202 with the submission's Location.
/// </summary>
public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/runs").WithTags("Runs").MapPost("/", Run);
        return app;
    }

    private static async Task<IResult> Run(
        SubmissionBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext http, IClusterClient cluster, IOptions<FrontendOptions> options, CancellationToken ct)
    {
        var submission = await cluster.SubmitAsync(body.ToRequest(await cluster.GetLanguagesAsync(ct), idempotencyKey, Auth.Caller.Of(http)), ct);
        var done = await cluster.WaitAsync(submission.Id, options.Value.MaxWait, ct) ?? submission;
        return done is { Status: SubmissionStatus.Completed, Result: { } result }
            ? TypedResults.Ok(result)
            : TypedResults.Accepted($"/api/v1/submissions/{submission.Id}", SubmissionDocument.From(done));
    }
}
