using CodeRunner.Silo.Health;
using CodeRunner.Storage;

namespace CodeRunner.Frontend.Health;

/// <summary>Probes: a frontend that hosts a silo answers for the silo; a stateless one is ready when the store answers.</summary>
public static class FrontendHealthApi
{
    public static IEndpointRouteBuilder MapFrontendHealth(this IEndpointRouteBuilder app, bool hostsSilo)
    {
        if (hostsSilo)
            return app.MapHealthApi();
        var health = app.MapGroup("/health").ExcludeFromDescription();
        health.MapGet("/startup", StoreAnswers);
        health.MapGet("/ready", StoreAnswers);
        health.MapGet("/live", () => TypedResults.Ok(new { status = "live" }));
        return app;
    }

    private static async Task<IResult> StoreAnswers(IClusterStore store, CancellationToken ct)
    {
        var queued = await store.CountQueuedAsync(ct); // a DbException becomes 503 in the exception handler
        return TypedResults.Ok(new { status = "ready", queued = queued.Values.Sum() });
    }
}
