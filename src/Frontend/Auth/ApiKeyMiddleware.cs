using CodeRunner.Frontend.Hosting;
namespace CodeRunner.Frontend.Auth;

/// <summary>
/// Identifies the caller by <c>X-Api-Key</c> (or <c>Authorization: Bearer</c>). An unknown key is
/// 401; no key is 401 unless anonymous access is on. Health probes, /metrics, static assets, the
/// API description and the dashboard's page (not its data) are open; the internal API checks the
/// cluster's own key. A WebSocket handshake may carry the key as <c>?apiKey=</c> (browsers cannot
/// set its headers), and is refused on the socket itself (close 4401), where a browser can see why.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeys keys)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (IsOpen(context.Request.Path))
        {
            await next(context);
            return;
        }
        var presented = context.Request.Headers["X-Api-Key"].FirstOrDefault()
            ?? (context.Request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth[7..].Trim() : null)
            ?? (context.WebSockets.IsWebSocketRequest ? context.Request.Query["apiKey"].FirstOrDefault() : null);
        Caller? caller = presented switch
        {
            // Anonymous access is for a single node on a laptop: operating it is for whoever sits at
            // that machine (loopback), never for anyone the listen address happens to reach.
            null when keys.AllowAnonymous => new Caller($"anonymous:{context.Connection.RemoteIpAddress}", keys.AnonymousRequestsPerMinute,
                IsOperator: context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address)),
            null => null,
            _ => keys.Find(presented) is { } entry ? new Caller(entry.Name, entry.RequestsPerMinute, entry.MaxActiveSubmissions, entry.Operator) : null,
        };
        if (caller is null && context.WebSockets.IsWebSocketRequest)
        {
            await Sessions.SessionsApi.RefuseAsync(context, CodeRunner.Sessions.SessionCloseCodes.Unauthorized,
                presented is null ? "an API key is required: send X-Api-Key or ?apiKey=" : "the API key is not valid");
            return;
        }
        if (caller is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
            await problems.WriteProblemAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 401, Title = "An API key is required", Detail = presented is null ? "Send your key in the X-Api-Key header." : "The API key is not valid." },
            });
            return;
        }
        caller.Attach(context);
        await next(context);
    }

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(Silo.Observability.MetricsApi.Path) || path.StartsWithSegments("/dashboard")
            || path.StartsWithSegments("/internal") || path.StartsWithSegments("/assets") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/api-docs");
}
