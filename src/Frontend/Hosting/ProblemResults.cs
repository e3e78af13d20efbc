using CodeRunner.Runs;

namespace CodeRunner.Frontend.Hosting;

/// <summary>The status codes of request problems.</summary>
internal static class ProblemResults
{
    public static int StatusOf(RunRequestException e) => e.Problem switch
    {
        RunRequestProblem.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RunRequestProblem.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown submission", detail: $"No submission has the id {id}.");
}
