using System.Text;
using CodeRunner.Languages;
using CodeRunner.Runs;
using CodeRunner.Submissions;

namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>A Judge0 submission as our run request; Judge0's validation errors, keyed by Judge0's field names.</summary>
internal static class Judge0Requests
{
    public static SubmissionRequest ToRequest(Judge0SubmissionRequest? body, bool base64, IReadOnlyList<LanguageInfo> languages)
    {
        body ??= new Judge0SubmissionRequest();
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        LanguageInfo? language = null;
        if (body.LanguageId is not { } languageId)
            Add("language_id", "can't be blank");
        else if ((language = Judge0LanguageIds.Find(languages, languageId)) is null)
            Add("language_id", $"language with id {languageId} doesn't exist");
        if (string.IsNullOrEmpty(body.SourceCode))
            Add("source_code", "can't be blank");

        var source = Text(body.SourceCode, base64, "source_code", Add);
        var stdin = Text(body.Stdin, base64, "stdin", Add);
        var expected = Text(body.ExpectedOutput, base64, "expected_output", Add);

        var limits = new ResourceLimits(
            Milliseconds(body.CpuTimeLimit, "cpu_time_limit", Add),
            Milliseconds(body.WallTimeLimit, "wall_time_limit", Add),
            Bytes(body.MemoryLimit, "memory_limit", Add),
            Bytes(body.MaxFileSize, "max_file_size", Add));
        if (!string.IsNullOrEmpty(body.CallbackUrl))
            Add("callback_url", "callbacks are not supported here; poll GET /submissions/{token}");
        if (!string.IsNullOrEmpty(body.AdditionalFiles))
            Add("additional_files", "additional files are not supported here; use POST /api/v1/submissions with files");
        if (body.EnableNetwork == true)
            Add("enable_network", "this option cannot be enabled");
        if (errors.Count > 0 || language is null)
            throw new RunRequestException(RunRequestProblem.Unprocessable, errors);

        // Judge0 ignores compiler options for languages that do not compile; we would refuse them.
        var compileOptions = language.Compiled ? CommandLine.Split(body.CompilerOptions) : null;
        var run = new RunRequest(
            language.Id,
            [new SourceFile(language.SourceFile, source!, ContentEncoding.Base64)],
            stdin,
            ContentEncoding.Base64,
            CommandLine.Split(body.CommandLineArguments),
            compileOptions,
            limits,
            expected is null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(expected)),
            OutputComparison.IgnoreTrailingWhitespace,
            // Always the exact bytes: GET decides per request whether they travel as base64 or text.
            ContentEncoding.Base64);
        return new SubmissionRequest(run);
    }

    /// <summary>Our field names in a refusal from the cluster, as Judge0's.</summary>
    public static string FieldOf(string ours) => ours switch
    {
        _ when ours.StartsWith("files", StringComparison.Ordinal) || ours == "source" => "source_code",
        "language" => "language_id",
        "stdin" => "stdin",
        "expectedOutput" => "expected_output",
        "args" => "command_line_arguments",
        "compileOptions" => "compiler_options",
        "limits.cpuTimeMs" => "cpu_time_limit",
        "limits.wallTimeMs" => "wall_time_limit",
        "limits.memoryBytes" => "memory_limit",
        "limits.fileSizeBytes" => "max_file_size",
        _ => ours,
    };

    /// <summary>The field as base64 of its bytes (how we hand it on), or null when absent.</summary>
    private static string? Text(string? value, bool base64, string field, Action<string, string> error)
    {
        if (value is null)
            return null;
        if (!base64)
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        try
        {
            return Convert.ToBase64String(Convert.FromBase64String(value)); // tolerates the line breaks some encoders add
        }
        catch (FormatException)
        {
            error(field, "is not valid base64 (base64_encoded=true)");
            return null;
        }
    }

    private static int? Milliseconds(double? seconds, string field, Action<string, string> error) =>
        Positive(seconds, field, error) is { } s ? (int)Math.Min(int.MaxValue, Math.Ceiling(s * 1000)) : null;

    private static long? Bytes(double? kilobytes, string field, Action<string, string> error) =>
        Positive(kilobytes, field, error) is { } kb ? (long)Math.Min(long.MaxValue / 2, Math.Ceiling(kb * 1024)) : null;

    private static double? Positive(double? value, string field, Action<string, string> error)
    {
        if (value is { } v && (!double.IsFinite(v) || v <= 0))
        {
            error(field, "must be greater than 0");
            return null;
        }
        return value;
    }
}
