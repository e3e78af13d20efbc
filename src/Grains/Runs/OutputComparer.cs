using System.Text;

namespace CodeRunner.Runs;

/// <summary>Compares a program's stdout with the expected output.</summary>
public static class OutputComparer
{
    public static bool Matches(ReadOnlySpan<byte> actual, ReadOnlySpan<byte> expected, OutputComparison mode) =>
        mode == OutputComparison.Exact
            ? actual.SequenceEqual(expected)
            : Normalize(Encoding.UTF8.GetString(actual)).SequenceEqual(Normalize(Encoding.UTF8.GetString(expected)), StringComparer.Ordinal);

    /// <summary>Lines without trailing white space (and without '\r'), trailing empty lines dropped.</summary>
    private static List<string> Normalize(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd(' ', '\t', '\r', '\f', '\v')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}
