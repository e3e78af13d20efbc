using System.Text.Json;
using System.Text.Json.Serialization;
using CodeRunner.Frontend.Hosting;
using CodeRunner.Runs;
using CodeRunner.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Compatibility.Piston;

/// <summary>
/// A Piston-compatible surface (<c>/api/v2/execute</c>, <c>/api/v2/runtimes</c>) so an existing
/// Piston client works unchanged. Execute is synchronous, as in Piston: it submits through the
/// cluster and waits up to <see cref="FrontendOptions.MaxWait"/>. docs/compatibility.md has the mapping.
/// </summary>
public static class PistonApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        MaxDepth = 32,
    };

    public static IEndpointRouteBuilder MapPistonApi(this IEndpointRouteBuilder app)
    {
        var piston = app.MapGroup("/api/v2").WithTags("Piston compatibility");
        piston.MapPost("/execute", Execute);
        piston.MapGet("/runtimes", Runtimes);
        return app;
    }

    private static async Task<IResult> Execute(HttpRequest http, IClusterClient cluster, IOptions<FrontendOptions> options, CancellationToken ct)
    {
        if (http.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            return Error(StatusCodes.Status415UnsupportedMediaType, "requests must be of type application/json");
        PistonExecuteRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<PistonExecuteRequest>(http.Body, Json, ct);
        }
        catch (JsonException e)
        {
            return Error(StatusCodes.Status400BadRequest, $"the request body is not valid JSON for this endpoint: {e.Message}");
        }
        body ??= new PistonExecuteRequest();
        if (PistonRequests.ShapeError(body) is { } shape)
            return Error(StatusCodes.Status400BadRequest, shape);
        var languages = await cluster.GetLanguagesAsync(ct);
        if (PistonRuntimes.Find(languages, body.Language!, body.Version!) is not { } language)
            return Error(StatusCodes.Status400BadRequest, $"{body.Language}-{body.Version} runtime is unknown");

        Submission submission;
        try
        {
            submission = await cluster.SubmitAsync(Auth.Caller.Apply(http.HttpContext, PistonRequests.ToRequest(body, language)), ct);
        }
        catch (RunRequestException e)
        {
            return Error(StatusCodes.Status400BadRequest, string.Join("; ", e.Errors.Select(x => $"{PistonRequests.FieldOf(x.Key)}: {string.Join(", ", x.Value)}")));
        }
        var done = await cluster.WaitAsync(submission.Id, options.Value.MaxWait, ct) ?? submission;
        if (done is not { Status: SubmissionStatus.Completed, Result: { } result })
        {
            // Piston has no asynchronous answer. The run goes on: its result stays readable natively.
            http.HttpContext.Response.Headers.Location = $"/api/v1/submissions/{submission.Id}";
            return Error(StatusCodes.Status504GatewayTimeout,
                $"the job did not finish within {options.Value.MaxWait.TotalSeconds:0} s; it continues as /api/v1/submissions/{submission.Id}");
        }
        return TypedResults.Json(
            PistonStages.Response(PistonRuntimes.NameOf(language), PistonRuntimes.VersionOf(language), language.Compiled, result), Json);
    }

    private static async Task<IResult> Runtimes(IClusterClient cluster, CancellationToken ct) =>
        TypedResults.Json((await cluster.GetLanguagesAsync(ct)).Select(PistonRuntimes.RuntimeOf).ToList(), Json);

    private static JsonHttpResult<PistonError> Error(int status, string message) => TypedResults.Json(new PistonError(message), Json, statusCode: status);
}
