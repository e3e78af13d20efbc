namespace CodeRunner.Tests.Observability;

/// <summary>A single node that exports its spans over OTLP/HTTP to a receiver of the test's own, configured by the standard variables' names.</summary>
public sealed class TracedFrontend : FrontendApp
{
    public TracedFrontend()
        : this(new OtlpReceiver())
    {
    }

    private TracedFrontend(OtlpReceiver receiver)
        : base(hostSilo: true, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }) => Receiver = receiver;

    public OtlpReceiver Receiver { get; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            Receiver.Dispose();
    }
}
