using CodeRunner.Sessions;

namespace CodeRunner.Silo.Internal;

/// <summary>
/// <c>/internal/v1/sessions</c>: an interactive session on this silo's sandboxes, over a WebSocket,
/// in the protocol of <c>/api/v1/sessions</c> (docs/api.md). Frontends relay their clients here.
/// </summary>
public static class InternalSessionsApi
{
    public static RouteGroupBuilder MapInternalSessions(this RouteGroupBuilder group)
    {
        group.MapGet("/sessions", RunAsync);
        return group;
    }

    // Not a plain RequestDelegate (it takes the host too), so the group's key filter applies.
    private static async Task<IResult> RunAsync(HttpContext context, SessionHost sessions)
    {
        if (!context.WebSockets.IsWebSocketRequest)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Interactive sessions", detail: "Connect with a WebSocket.");
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await sessions.RunAsync(socket, context.RequestAborted);
        return TypedResults.Empty;
    }
}
