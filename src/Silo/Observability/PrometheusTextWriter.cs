using System.Globalization;
using System.Text;

namespace CodeRunner.Silo.Observability;

/// <summary>
/// Writes families in the Prometheus text exposition format 0.0.4: <c># HELP</c> and <c># TYPE</c>
/// lines, then one sample a line; histograms as cumulative <c>_bucket{le="…"}</c> lines ending in
/// <c>le="+Inf"</c>, then <c>_sum</c> and <c>_count</c>.
/// https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
/// </summary>
internal static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Write(StringBuilder output, InstrumentState family, IReadOnlyList<InstrumentState.Series> series)
    {
        output.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Instrument.Description ?? family.Instrument.Name)).Append('\n');
        output.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Kind switch
        {
            MetricKind.Counter => "counter",
            MetricKind.Histogram => "histogram",
            _ => "gauge",
        }).Append('\n');
        foreach (var one in series)
        {
            if (one.BucketCounts is not { } counts)
            {
                Sample(output, family.Name, one.Labels, null, one.Value);
                continue;
            }
            long cumulative = 0;
            for (var i = 0; i < family.Buckets.Count; i++)
            {
                cumulative += counts[i];
                Sample(output, family.Name + "_bucket", one.Labels, Number(family.Buckets[i]), cumulative);
            }
            Sample(output, family.Name + "_bucket", one.Labels, "+Inf", one.Count);
            Sample(output, family.Name + "_sum", one.Labels, null, one.Value);
            Sample(output, family.Name + "_count", one.Labels, null, one.Count);
        }
    }

    private static void Sample(StringBuilder output, string name, IReadOnlyList<(string Name, string Value)> labels, string? le, double value)
    {
        output.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            output.Append('{');
            var first = true;
            foreach (var (label, text) in labels)
            {
                if (!first)
                    output.Append(',');
                first = false;
                output.Append(label).Append("=\"").Append(EscapeLabelValue(text)).Append('"');
            }
            if (le is not null)
                output.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            output.Append('}');
        }
        output.Append(' ').Append(Number(value)).Append('\n');
    }

    internal static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>In a label value, backslash, double quote and line feed are escaped.</summary>
    private static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>In HELP text, backslash and line feed are escaped (a quote is not).</summary>
    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
