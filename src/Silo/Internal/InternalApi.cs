using CodeRunner.Cluster;
using CodeRunner.Silo.Operations;

namespace CodeRunner.Silo.Internal;

/// <summary>
/// What other members of the cluster call on this silo, at its advertised address (membership):
/// <c>/internal/v1/...</c>, guarded by the cluster's internal key. Features add their routes to
/// the group <see cref="MapInternalApi"/> returns.
/// </summary>
public static class InternalApi
{
    public const string Prefix = "/internal/v1";

    public static RouteGroupBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).ExcludeFromDescription().AddEndpointFilter<InternalKeyFilter>();
        group.MapGet("/silo", (SiloIdentity identity) => TypedResults.Ok(new SiloInfo(identity.SiloId, identity.SiloName, identity.Address)));
        group.MapOperationsApi();
        group.MapInternalSessions();
        return group;
    }
}

/// <summary>Who answers at an advertised address (a caller checks it reached the silo it meant).</summary>
public sealed record SiloInfo(string SiloId, string SiloName, string Address);
