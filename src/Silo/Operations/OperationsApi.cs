using CodeRunner.Cluster;
using CodeRunner.Sandboxes;
using CodeRunner.Silo.Logs;

namespace CodeRunner.Silo.Operations;

/// <summary>
/// What operators ask of one silo, through a frontend's admin API: drain and resume, its
/// sandboxes, its recent logs. Mapped on the internal API group (the cluster's key guards it).
/// </summary>
public static class OperationsApi
{
    /// <summary>Log entries one call returns at most.</summary>
    public const int MaxLogEntries = 1000;

    public static RouteGroupBuilder MapOperationsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/drain", (SubmissionClaimer claimer, SiloIdentity identity) =>
        {
            claimer.Drain();
            return TypedResults.Ok(State(claimer, identity));
        });
        group.MapDelete("/drain", (SubmissionClaimer claimer, SiloIdentity identity) =>
        {
            claimer.Resume();
            return TypedResults.Ok(State(claimer, identity));
        });
        group.MapGet("/drain", (SubmissionClaimer claimer, SiloIdentity identity) => TypedResults.Ok(State(claimer, identity)));
        group.MapGet("/sandboxes", (SandboxPools pools) => TypedResults.Ok(Sandboxes(pools)));
        group.MapGet("/logs", (LogRing ring, long? after, int? limit) =>
            TypedResults.Ok(ring.Read(after ?? 0, Math.Clamp(limit ?? MaxLogEntries, 1, MaxLogEntries))));
        return group;
    }

    private static DrainState State(SubmissionClaimer claimer, SiloIdentity identity) =>
        new(identity.SiloId, identity.SiloName, claimer.IsDraining, claimer.RunningCount);

    private static List<SandboxInfo> Sandboxes(SandboxPools pools) =>
    [
        .. pools.Pools.SelectMany(pool => pool.Sandboxes).OrderBy(s => s.Language.Id).ThenBy(s => s.CreatedAt).Select(s => new SandboxInfo(
            s.Id, pools.SiloName, s.Language.Id, s.State.ToString(), s.CreatedAt, s.RunsServed, s.LastVerdict?.ToString(), s.Runtime)),
    ];
}
