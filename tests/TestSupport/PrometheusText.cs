using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CodeRunner.Tests.Support;

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4, for tests: every family has
/// exactly one HELP and one TYPE line before its samples; samples are contiguous and named after
/// their family (histograms: <c>_bucket</c> with <c>le</c>, <c>_sum</c>, <c>_count</c>); label values
/// use only the three escapes; counters are not negative; histogram buckets ascend, are cumulative
/// and end in <c>le="+Inf"</c> equal to <c>_count</c>. Anything else throws <see cref="FormatException"/>.
/// </summary>
public sealed partial class PrometheusText
{
    private PrometheusText(IReadOnlyDictionary<string, PrometheusFamily> families) => Families = families;

    public IReadOnlyDictionary<string, PrometheusFamily> Families { get; }

    /// <summary>The sum of every sample of that exact name whose labels include the given ones (0 when none).</summary>
    public double Sum(string sampleName, params (string Name, string Value)[] labels) =>
        Families.Values.SelectMany(f => f.Samples).Where(s => s.Name == sampleName && s.Has(labels)).Sum(s => s.Value);

    public static PrometheusText Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
            throw new FormatException("The exposition does not end with a line feed.");
        var families = new Dictionary<string, (string? Help, string? Type, List<PrometheusSample> Samples)>(StringComparer.Ordinal);
        string? current = null;
        var lineNumber = 0;
        foreach (var line in text.Split('\n')[..^1])
        {
            lineNumber++;
            var at = $"line {lineNumber} '{line}'";
            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ', 2);
                var name = parts[0];
                if (!MetricName().IsMatch(name) || parts.Length < 2)
                    throw new FormatException($"Bad descriptor at {at}.");
                if (!families.TryGetValue(name, out var family))
                    family = (null, null, []);
                else if (family.Samples.Count > 0 || current != name)
                    throw new FormatException($"Family {name} is split, or described after its samples, at {at}.");
                if (line[2] == 'H')
                    family = family.Help is null ? (UnescapeHelp(parts[1]), family.Type, family.Samples) : throw new FormatException($"Second HELP at {at}.");
                else
                    family = family.Type is null && parts[1] is "counter" or "gauge" or "histogram" or "summary" or "untyped"
                        ? (family.Help, parts[1], family.Samples)
                        : throw new FormatException($"Second or unknown TYPE at {at}.");
                families[name] = family;
                current = name;
                continue;
            }
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            var sample = ParseSample(line, at);
            if (current is null || !BelongsTo(sample.Name, current, families[current].Type))
                throw new FormatException($"Sample outside its family at {at}.");
            families[current].Samples.Add(sample);
        }

        var result = new Dictionary<string, PrometheusFamily>(StringComparer.Ordinal);
        foreach (var (name, (help, type, samples)) in families)
        {
            if (help is null || type is null)
                throw new FormatException($"Family {name} lacks its HELP or TYPE line.");
            if (type == "counter" && samples.Any(s => s.Value < 0 || double.IsNaN(s.Value)))
                throw new FormatException($"Counter {name} has a negative value.");
            if (type == "histogram")
                CheckHistogram(name, samples);
            result[name] = new PrometheusFamily(name, help, type, samples);
        }
        return new PrometheusText(result);
    }

    private static bool BelongsTo(string sample, string family, string? type) => type == "histogram"
        ? sample == family + "_bucket" || sample == family + "_sum" || sample == family + "_count"
        : sample == family;

    private static PrometheusSample ParseSample(string line, string at)
    {
        var name = MetricName().Match(line);
        if (!name.Success || name.Index != 0)
            throw new FormatException($"Bad sample name at {at}.");
        var i = name.Length;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var label = LabelName().Match(line, i);
                if (!label.Success || label.Index != i || line[i + label.Length] != '=' || line[i + label.Length + 1] != '"')
                    throw new FormatException($"Bad label at {at}.");
                i += label.Length + 2;
                var value = new StringBuilder();
                while (line[i] != '"')
                {
                    if (line[i] == '\\')
                    {
                        i++;
                        value.Append(line[i] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            _ => throw new FormatException($"Bad escape in a label value at {at}."),
                        });
                    }
                    else
                    {
                        value.Append(line[i]);
                    }
                    i++;
                }
                if (!labels.TryAdd(label.Value, value.ToString()))
                    throw new FormatException($"Label {label.Value} twice at {at}.");
                i++;
                if (line[i] == ',')
                    i++;
                else if (line[i] != '}')
                    throw new FormatException($"Bad label separator at {at}.");
            }
            i++;
        }
        if (i >= line.Length || line[i] != ' ')
            throw new FormatException($"No value at {at}.");
        var fields = line[(i + 1)..].Split(' ');
        if (fields.Length > 2 || !TryNumber(fields[0], out var number))
            throw new FormatException($"Bad value at {at}.");
        return new PrometheusSample(name.Value, labels, number);
    }

    private static void CheckHistogram(string name, List<PrometheusSample> samples)
    {
        foreach (var series in samples.GroupBy(s => string.Join(',', s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key).Select(l => $"{l.Key}={l.Value}"))))
        {
            var buckets = series.Where(s => s.Name == name + "_bucket").ToList();
            var count = series.SingleOrDefault(s => s.Name == name + "_count") ?? throw new FormatException($"{name}{{{series.Key}}} has no _count.");
            _ = series.SingleOrDefault(s => s.Name == name + "_sum") ?? throw new FormatException($"{name}{{{series.Key}}} has no _sum.");
            if (buckets.Count == 0 || buckets[^1].Labels.GetValueOrDefault("le") != "+Inf")
                throw new FormatException($"{name}{{{series.Key}}} does not end in le=\"+Inf\".");
            double previousBound = double.NegativeInfinity, previousCount = 0;
            foreach (var bucket in buckets)
            {
                if (!bucket.Labels.TryGetValue("le", out var le) || !TryNumber(le, out var bound) || bound <= previousBound)
                    throw new FormatException($"{name}{{{series.Key}}} has buckets out of order.");
                if (bucket.Value < previousCount)
                    throw new FormatException($"{name}{{{series.Key}}} has buckets that are not cumulative.");
                (previousBound, previousCount) = (bound, bucket.Value);
            }
            if (buckets[^1].Value != count.Value)
                throw new FormatException($"{name}{{{series.Key}}}: le=\"+Inf\" is not _count.");
        }
    }

    private static bool TryNumber(string text, out double value)
    {
        switch (text)
        {
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    /// <summary>HELP text knows two escapes: <c>\\</c> and <c>\n</c>.</summary>
    private static string UnescapeHelp(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }
            i++;
            result.Append(i < text.Length ? text[i] switch
            {
                '\\' => '\\',
                'n' => '\n',
                _ => throw new FormatException($"Bad escape in HELP text '{text}'."),
            } : throw new FormatException($"HELP text ends in a backslash: '{text}'."));
        }
        return result.ToString();
    }

    [GeneratedRegex("[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex MetricName();

    [GeneratedRegex("[a-zA-Z_][a-zA-Z0-9_]*")]
    private static partial Regex LabelName();
}
