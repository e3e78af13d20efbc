using OpenTelemetry.Trace;

namespace CodeRunner.Silo.Observability;

/// <summary>
/// Makes the <see cref="TracerProvider"/> when the host starts (hosted services are made before
/// any starts), so the first request is traced; the container disposes it at shutdown, which
/// exports the spans still buffered.
/// </summary>
internal sealed class TracingStarter(TracerProvider provider) : IHostedService
{
    public TracerProvider Provider { get; } = provider;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
