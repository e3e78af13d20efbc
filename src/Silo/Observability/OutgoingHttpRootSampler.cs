using OpenTelemetry.Trace;

namespace CodeRunner.Silo.Observability;

/// <summary>
/// Samples a span that begins a trace unless it is an outgoing HTTP call: a silo talks to its
/// Docker engine and to other silos all the time (pool upkeep, health checks, heartbeats), and
/// each such call would otherwise be a trace of its own. The same calls made within a traced
/// submission are kept, as children of its spans (see <see cref="ParentBasedSampler"/>).
/// </summary>
internal sealed class OutgoingHttpRootSampler : Sampler
{
    /// <summary>The operation name of HttpClient's activities (its <c>System.Net.Http</c> source).</summary>
    public const string HttpClientActivityName = "System.Net.Http.HttpRequestOut";

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        new(samplingParameters.Name == HttpClientActivityName ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
}
