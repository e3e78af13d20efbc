using CodeRunner.Frontend.Operations;
using CodeRunner.Hosting;
using CodeRunner.Silo.Hosting;

namespace CodeRunner.Frontend.Sessions;

/// <summary>
/// <c>GET /api/v1/sessions</c> upgraded to a WebSocket: an interactive session (docs/api.md,
/// "Interactive sessions"). Keys and rate limits apply as to the rest of the API; a browser, which
/// cannot set headers on a WebSocket, may send its key as <c>?apiKey=</c>.
/// </summary>
public static class SessionsApi
{
    public static IServiceCollection AddSessionGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSessionOptions(configuration);
        services.AddSingleton<SessionStartChecker>();
        services.AddSingleton<SessionGateway>();
        services.AddSingleton<SessionsPerCaller>();
        return services;
    }

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/sessions").WithTags("Sessions").MapGet("/", ConnectAsync)
            .WithSummary("An interactive session over a WebSocket (see docs/api.md)");
        return app;
    }

    private static async Task<IResult> ConnectAsync(HttpContext context, SessionGateway gateway, MaintenanceMode maintenance, SessionsPerCaller perCaller)
    {
        if (!context.WebSockets.IsWebSocketRequest)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Interactive sessions",
                detail: "Connect with a WebSocket (ws:// or wss://); the protocol is in docs/api.md, \"Interactive sessions\".");
        // A session is new work: in maintenance mode it is refused like a POST, with the operator's message.
        if (await maintenance.MessageAsync(context.RequestAborted) is { } message)
        {
            await RefuseAsync(context, CodeRunner.Sessions.SessionCloseCodes.Unavailable, message);
            return TypedResults.Empty;
        }
        var caller = Auth.Caller.Of(context)?.Name ?? "anonymous";
        using var place = perCaller.TryEnter(caller);
        if (place is null)
        {
            await RefuseAsync(context, CodeRunner.Sessions.SessionCloseCodes.TooManyRequests,
                $"{caller} already has {perCaller.Max} sessions open here (Sessions:MaxPerCaller); end one and try again");
            return TypedResults.Empty;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await gateway.RunAsync(socket, context.RequestAborted);
        return TypedResults.Empty;
    }

    /// <summary>Refuses a WebSocket handshake the way the protocol says: accept it, then close with <paramref name="code"/> after an error message.</summary>
    public static async Task RefuseAsync(HttpContext context, int code, string message)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var session = new CodeRunner.Sessions.SessionSocket(socket, 1024);
        await session.CloseAsync(code, message);
    }
}
