using CodeRunner.Frontend.Auth;

namespace CodeRunner.Frontend.Operations;

/// <summary>Lets only operators through (an operator key, or an anonymous caller on loopback when anonymous access is on): 403 otherwise.</summary>
public sealed class OperatorFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Caller.Of(context.HttpContext) is { IsOperator: true }
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Operators only",
                detail: "This needs an operator key (keys create NAME --operator), sent in X-Api-Key."));
}
