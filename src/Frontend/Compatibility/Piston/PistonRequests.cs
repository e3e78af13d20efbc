using CodeRunner.Languages;
using CodeRunner.Runs;
using CodeRunner.Submissions;

namespace CodeRunner.Frontend.Compatibility.Piston;

/// <summary>A Piston job as our run request; refusals carry Piston's own messages where it has them.</summary>
internal static class PistonRequests
{
    /// <summary>Piston's checks of the body's shape, in its order; null when they pass.</summary>
    public static string? ShapeError(PistonExecuteRequest body)
    {
        if (string.IsNullOrEmpty(body.Language))
            return "language is required as a string";
        if (string.IsNullOrEmpty(body.Version))
            return "version is required as a string";
        if (body.Files is null)
            return "files is required as an array";
        for (var i = 0; i < body.Files.Count; i++)
        {
            if (body.Files[i]?.Content is null)
                return $"files[{i}].content is required as a string";
            if (body.Files[i]!.Encoding is { } e && e is not ("utf8" or "base64" or "hex"))
                return $"files[{i}].encoding must be one of utf8, base64, hex";
            if (body.Files[i]!.Encoding == "hex" && (body.Files[i]!.Content!.Length % 2 != 0 || !body.Files[i]!.Content!.All(char.IsAsciiHexDigit)))
                return $"files[{i}].content is not valid hex";
        }
        if (body.Files.Count == 0)
            return "files must include at least one file";
        foreach (var (name, value) in Limits(body))
        {
            if (value is { } v && (!double.IsFinite(v) || (v < 0 && !(v == -1 && name.EndsWith("memory_limit", StringComparison.Ordinal)))))
                return $"{name} must be non-negative";
        }
        return null;
    }

    public static SubmissionRequest ToRequest(PistonExecuteRequest body, LanguageInfo language)
    {
        var files = body.Files!.Select((f, i) => File(f!, i, language)).ToList();
        var limits = new ResourceLimits(
            CpuTimeMs: Milliseconds(body.RunCpuTime),
            WallTimeMs: Milliseconds(body.RunTimeout),
            MemoryBytes: body.RunMemoryLimit is > 0 and var m ? (long)Math.Min(long.MaxValue / 2, Math.Ceiling(m)) : null);
        return new SubmissionRequest(new RunRequest(
            language.Id, files, body.Stdin, ContentEncoding.Utf8, body.Args, null, limits,
            OutputEncoding: ContentEncoding.Utf8));
    }

    /// <summary>Our field names in a refusal, as Piston's.</summary>
    public static string FieldOf(string ours) => ours switch
    {
        "limits.cpuTimeMs" => "run_cpu_time",
        "limits.wallTimeMs" => "run_timeout",
        "limits.memoryBytes" => "run_memory_limit",
        "language" => "language",
        _ => ours,
    };

    /// <summary>A file without a name is the entry point when it comes first (named as the language names its source), else <c>file{i}</c>.</summary>
    private static SourceFile File(PistonFile file, int index, LanguageInfo language)
    {
        var name = string.IsNullOrEmpty(file.Name) ? index == 0 ? language.SourceFile : $"file{index}" : file.Name;
        return file.Encoding switch
        {
            "base64" => new SourceFile(name, file.Content!, ContentEncoding.Base64),
            "hex" => new SourceFile(name, Convert.ToBase64String(Convert.FromHexString(file.Content!)), ContentEncoding.Base64),
            _ => new SourceFile(name, file.Content!),
        };
    }

    private static int? Milliseconds(double? value) => value is > 0 and var v ? (int)Math.Min(int.MaxValue, Math.Ceiling(v)) : null;

    private static IEnumerable<(string Name, double? Value)> Limits(PistonExecuteRequest body) =>
    [
        ("compile_timeout", body.CompileTimeout), ("run_timeout", body.RunTimeout),
        ("compile_cpu_time", body.CompileCpuTime), ("run_cpu_time", body.RunCpuTime),
        ("compile_memory_limit", body.CompileMemoryLimit), ("run_memory_limit", body.RunMemoryLimit),
    ];
}
