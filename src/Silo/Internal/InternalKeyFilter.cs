using System.Security.Cryptography;
using System.Text;
using CodeRunner.Cluster;
using Microsoft.Extensions.Options;

namespace CodeRunner.Silo.Internal;

/// <summary>Lets a call into the internal API through only with the cluster's <see cref="InternalApiOptions.Key"/>, when one is set.</summary>
public sealed class InternalKeyFilter(IOptions<InternalApiOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.Key;
        if (expected.Length == 0)
            return next(context);
        var presented = context.HttpContext.Request.Headers[InternalApiOptions.KeyHeader].FirstOrDefault() ?? "";
        // Fixed-time: the comparison takes as long whatever prefix matches.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected))
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "Internal API", detail: $"This endpoint is for members of the cluster; send the cluster's key in {InternalApiOptions.KeyHeader}."));
    }
}
