using CodeRunner.Frontend.Hosting;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Operations;

/// <summary>
/// In maintenance mode, refuses what would start new work (every POST: submissions, runs, batches,
/// the compatibility APIs) with 503, the operator's message and <c>Retry-After</c>. Reads, cancels,
/// the admin API, health probes and the silos' internal API still work.
/// </summary>
public sealed class MaintenanceMiddleware(RequestDelegate next, MaintenanceMode maintenance, IOptions<OperationsOptions> options)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || IsExempt(context.Request.Path)
            || await maintenance.MessageAsync(context.RequestAborted) is not { } message)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = ((int)options.Value.MaintenanceRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await problems.WriteProblemAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 503, Title = "The cluster is in maintenance", Detail = message },
        });
    }

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments(AdminApi.Prefix) || path.StartsWithSegments("/internal") || path.StartsWithSegments("/health");
}
