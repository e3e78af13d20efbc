using System.Text.Json;

namespace CodeRunner.Frontend.Hosting;

/// <summary>
/// Writes a problem whatever the request accepts. The problem details service writes only what the
/// Accept header allows, so a request that accepts only <c>text/event-stream</c> (a dashboard's
/// stream, an SSE client) would get no body and an exception, a 500, in place of its 401 or 503.
/// </summary>
internal static class ProblemWriting
{
    public static async Task WriteProblemAsync(this IProblemDetailsService problems, ProblemDetailsContext problem)
    {
        if (await problems.TryWriteAsync(problem))
            return;
        var response = problem.HttpContext.Response;
        await response.WriteAsJsonAsync(problem.ProblemDetails, JsonSerializerOptions.Web, "application/problem+json");
    }
}
