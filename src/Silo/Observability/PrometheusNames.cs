using System.Text;

namespace CodeRunner.Silo.Observability;

/// <summary>
/// OpenTelemetry instrument names to Prometheus names, as OpenTelemetry's own Prometheus exporter
/// maps them: invalid characters (dots) become underscores, the unit becomes a suffix
/// (<c>s</c> → <c>_seconds</c>; annotations such as <c>{submission}</c> add none), counters end in
/// <c>_total</c>.
/// </summary>
internal static class PrometheusNames
{
    public static string Family(string instrument, string? unit, MetricKind kind)
    {
        var name = Sanitize(instrument, allowColon: true);
        if (UnitSuffix(unit) is { } suffix && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
            name += "_" + suffix;
        if (kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
            name += "_total";
        return name;
    }

    /// <summary>A tag key as a label name: <c>http.request.method</c> → <c>http_request_method</c>.</summary>
    public static string Label(string key) => Sanitize(key, allowColon: false);

    private static string? UnitSuffix(string? unit) => unit switch
    {
        null or "" or "1" => null,
        _ when unit.StartsWith('{') => null, // an annotation ({submission}) names what is counted, not a unit
        "s" => "seconds",
        "ms" => "milliseconds",
        "By" => "bytes",
        _ => Sanitize(unit, allowColon: false).Trim('_') is { Length: > 0 } s ? s : null,
    };

    /// <summary>Names match <c>[a-zA-Z_][a-zA-Z0-9_]*</c> (metric names may also hold colons).</summary>
    private static string Sanitize(string name, bool allowColon)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var c in name)
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
            builder.Insert(0, '_');
        return builder.ToString();
    }
}
