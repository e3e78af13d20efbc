using CodeRunner.Frontend.Hosting;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CodeRunner.Frontend.Auth;

/// <summary>Per-caller rate limits (a fixed window a minute long): 429 with Retry-After and the limit in headers.</summary>
public static class RateLimiting
{
    public static IServiceCollection AddCallerRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                Caller.Of(context) is { } caller
                    ? RateLimitPartition.GetFixedWindowLimiter(caller.Name, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = caller.RequestsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("open")); // probes and the API description
            o.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                if (context.WebSockets.IsWebSocketRequest)
                {
                    await Sessions.SessionsApi.RefuseAsync(context, CodeRunner.Sessions.SessionCloseCodes.TooManyRequests,
                        $"too many requests; try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} s");
                    return;
                }
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (Caller.Of(context) is { } caller)
                    context.Response.Headers["RateLimit-Policy"] = $"{caller.RequestsPerMinute};w=60";
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteProblemAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = 429, Title = "Too many requests", Detail = $"Try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} s." },
                });
            };
        });
}
