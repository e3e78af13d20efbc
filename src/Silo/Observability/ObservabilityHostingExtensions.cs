using System.Diagnostics.Metrics;
using CodeRunner.Diagnostics;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CodeRunner.Silo.Observability;

public static class ObservabilityHostingExtensions
{
    /// <summary>ASP.NET Core's own meter: <c>http.server.request.duration</c> and <c>http.server.active_requests</c>.</summary>
    public const string AspNetCoreMeterName = "Microsoft.AspNetCore.Hosting";

    /// <summary>
    /// Metrics for /metrics (<see cref="MetricsApi"/>), traces to an OTLP collector when one is
    /// configured (<see cref="OtlpOptions"/>), and JSON console logs with scopes and UTC times.
    /// The log defaults sit below every other configuration source:
    /// <c>Logging:Console:FormatterName=simple</c> gives plain text.
    /// </summary>
    /// <param name="builder">The executable's builder (a silo, or a frontend).</param>
    /// <param name="serviceName">The <c>service.name</c> of this process's spans (<c>OTEL_SERVICE_NAME</c> overrides it).</param>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:Console:FormatterName"] = "json",
                ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
                ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true",
                ["Logging:Console:FormatterOptions:TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fffZ",
            },
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<QueueDepthGauge>();
        builder.Services.AddSingleton(services =>
        {
            // The process's own ASP.NET Core meter only: tests host several apps in one process.
            var meters = services.GetService<IMeterFactory>();
            CodeRunnerMetrics.EnsureCreated();
            return new PrometheusExporter(instrument =>
                instrument.Meter.Name == CodeRunnerMetrics.MeterName
                || (instrument.Meter.Name == AspNetCoreMeterName && meters is not null && ReferenceEquals(instrument.Meter.Scope, meters)));
        });

        if (TraceExport(builder.Configuration) is { } export)
        {
            var name = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : serviceName;
            builder.Services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(name))
                // ASP.NET Core and HttpClient start their own activities once someone listens to them.
                .AddSource(CodeRunnerTracing.SourceName, "Microsoft.AspNetCore", "System.Net.Http")
                .SetSampler(new ParentBasedSampler(new OutgoingHttpRootSampler()))
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = export.Endpoint;
                    o.Protocol = export.Protocol;
                })
                .Build()!);
            builder.Services.AddHostedService<TracingStarter>();
        }
        return builder;
    }

    /// <summary>
    /// The trace endpoint and protocol, from <c>OpenTelemetry:Otlp</c> or the standard variables
    /// (which are configuration too). A base endpoint gets <c>/v1/traces</c> for HTTP, as the
    /// variables specify; the signal's own variable is used as it is. Null: tracing is off.
    /// </summary>
    private static (Uri Endpoint, OtlpExportProtocol Protocol)? TraceExport(ConfigurationManager configuration)
    {
        var options = configuration.GetSection(OtlpOptions.SectionName).Get<OtlpOptions>() ?? new OtlpOptions();
        var protocolText = options.Protocol ?? configuration["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"] ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] ?? "grpc";
        var protocol = protocolText.Trim().ToLowerInvariant() switch
        {
            "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new InvalidOperationException($"{OtlpOptions.SectionName}:Protocol (or OTEL_EXPORTER_OTLP_PROTOCOL) '{protocolText}' is not 'grpc' or 'http/protobuf'."),
        };
        var (setting, text, isBase) =
            !string.IsNullOrWhiteSpace(options.Endpoint) ? ($"{OtlpOptions.SectionName}:Endpoint", options.Endpoint, true)
            : configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] is { Length: > 0 } traces ? ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces, false)
            : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } any ? ("OTEL_EXPORTER_OTLP_ENDPOINT", any, true)
            : (null, null, false);
        if (setting is null || text is null)
            return null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"{setting} '{text}' is not an absolute http(s) address.");
        if (isBase && protocol == OtlpExportProtocol.HttpProtobuf)
            endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/v1/traces");
        return (endpoint, protocol);
    }
}
