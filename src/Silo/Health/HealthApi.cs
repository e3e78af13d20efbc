using CodeRunner.Cluster;
using CodeRunner.Sandboxes;

namespace CodeRunner.Silo.Health;

/// <summary>Kubernetes-style probes: started (languages resolved, pools running), ready, live.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").ExcludeFromDescription();
        health.MapGet("/startup", Started);
        health.MapGet("/ready", Ready);
        health.MapGet("/live", () => TypedResults.Ok(new { status = "live" }));
        return app;
    }

    /// <summary>Started, and not draining: a silo that stops takes no new work, so it leaves the load balancer first.</summary>
    private static IResult Ready(SandboxPools pools, IServiceProvider services) =>
        services.GetService<SubmissionClaimer>() is { IsDraining: true }
            ? TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Draining", detail: "This silo is shutting down.")
            : Started(pools);

    private static IResult Started(SandboxPools pools) => pools.Ready.IsCompletedSuccessfully
        ? TypedResults.Ok(new { status = "ready", languages = pools.Catalog.All.Count })
        : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting",
            detail: pools.Ready.IsFaulted ? pools.Ready.Exception!.GetBaseException().Message : "Languages and sandbox pools are still starting.");
}
