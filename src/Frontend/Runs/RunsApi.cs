using CodeRunner.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeRunner.Frontend.Runs;

/// <summary><c>POST /api/v1/runs</c>: run one program on this node and answer with its result (synchronous).</summary>
public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/runs").WithTags("Runs").MapPost("/", Run);
        return app;
    }

    private static async Task<Results<Ok<RunResult>, ProblemHttpResult>> Run(RunRequest request, RunExecutor executor, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await executor.RunAsync(request, ct));
        }
        catch (RunRequestException e)
        {
            var status = e.Problem switch
            {
                RunRequestProblem.TooLarge => StatusCodes.Status413PayloadTooLarge,
                RunRequestProblem.Unprocessable => StatusCodes.Status422UnprocessableEntity,
                _ => StatusCodes.Status400BadRequest,
            };
            return TypedResults.Problem(statusCode: status, title: "The run request is not valid", detail: e.Message,
                extensions: new Dictionary<string, object?> { ["errors"] = e.Errors });
        }
    }
}
