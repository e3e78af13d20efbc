namespace CodeRunner.Silo.Observability;

/// <summary>
/// Where traces go. Tracing is on when an endpoint is set here or by the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>) variable;
/// with none, no span is recorded and nothing is exported.
/// </summary>
public sealed class OtlpOptions
{
    public const string SectionName = "OpenTelemetry:Otlp";

    /// <summary>
    /// The collector's base address (<c>http://collector:4317</c> for gRPC, <c>http://collector:4318</c>
    /// for HTTP, where <c>/v1/traces</c> is added). Default: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, else unset (no tracing).
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c>. Default: <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, else <c>grpc</c>.</summary>
    public string? Protocol { get; set; }
}
