using System.Data.Common;
using System.Text.Json;
using CodeRunner.Runs;
using CodeRunner.Submissions;
using Microsoft.AspNetCore.Diagnostics;

namespace CodeRunner.Frontend.Hosting;

/// <summary>
/// Turns what clients can cause into 4xx problems, and a store outage into 503 with Retry-After:
/// nothing a client sends may produce a 500.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } bad =>
                (bad.StatusCode, "The request body is not valid JSON for this endpoint", json.Message, null),
            BadHttpRequestException bad => (bad.StatusCode, "The request is not valid", bad.Message, null),
            RunRequestException run => (ProblemResults.StatusOf(run), "The run request is not valid", run.Message, run.Errors),
            DbException or TimeoutException => (StatusCodes.Status503ServiceUnavailable, "The cluster store is unavailable", "Try again shortly.", (IReadOnlyDictionary<string, string[]>?)null),
            ClusterBusyException busy => (StatusCodes.Status503ServiceUnavailable, "The cluster is busy", busy.Message, null),
            QuotaExceededException quota => (StatusCodes.Status429TooManyRequests, "Too many submissions in flight", quota.Message, null),
            _ => (0, "", "", null),
        };
        if (status == 0)
            return false;
        if (status == StatusCodes.Status429TooManyRequests)
            context.Response.Headers.RetryAfter = "1";
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(title, exception.Message); // the store is away, or the cluster is full
            context.Response.Headers.RetryAfter = "2";
        }
        context.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null)
            problem.Extensions["errors"] = errors;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Answered 503, {Title}: {Reason}")]
    private partial void LogUnavailable(string title, string reason);
}
