namespace CodeRunner.Frontend.Hosting;

/// <summary>
/// Every response carries <c>X-Request-Id</c>: the caller's own (when it is sane) or a new one. It
/// is the request's trace identifier, so problem details and log scopes carry it too.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[Header].FirstOrDefault();
        if (given is { Length: > 0 and <= 128 } && given.All(c => c is > ' ' and < '\u007f'))
            context.TraceIdentifier = given;
        context.Response.Headers[Header] = context.TraceIdentifier;
        // A message-template scope: JSON logs show "RequestId" as a field and "RequestId:…" as its text.
        using (logger.BeginScope("RequestId:{RequestId}", context.TraceIdentifier))
            await next(context);
    }
}
