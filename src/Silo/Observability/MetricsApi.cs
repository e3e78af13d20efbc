using CodeRunner.Diagnostics;

namespace CodeRunner.Silo.Observability;

/// <summary>
/// <c>GET /metrics</c>: Prometheus text format 0.0.4, on every silo and every frontend. Open (no
/// API key) like the probes, and not part of the API description.
/// </summary>
public static class MetricsApi
{
    public const string Path = "/metrics";

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        // Made now, not at the first scrape: counters count from the start, and the queue gauge is registered.
        app.ServiceProvider.GetRequiredService<PrometheusExporter>();
        app.ServiceProvider.GetRequiredService<QueueDepthGauge>();
        app.MapGet(Path, Scrape).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Scrape(PrometheusExporter exporter, QueueDepthGauge queue, CancellationToken ct)
    {
        await queue.RefreshAsync(ct); // at most one store query a second, however often this is scraped
        return TypedResults.Text(exporter.Collect(), PrometheusTextWriter.ContentType);
    }
}
