using System.Globalization;
using System.Text;
using CodeRunner.Languages;
using CodeRunner.Runs;
using CodeRunner.Submissions;

namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>Our submission as a <see cref="Judge0Submission"/>.</summary>
internal static class Judge0Submissions
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The Judge0 view. Without <paramref name="base64"/>, output that is not valid UTF-8 throws
    /// <see cref="DecoderFallbackException"/>: Judge0 then answers with an error telling the client to
    /// ask for base64, rather than altering the bytes.
    /// </summary>
    public static Judge0Submission From(Submission submission, bool base64, IReadOnlyList<LanguageInfo> languages)
    {
        var result = submission.Result;
        var languageId = Judge0LanguageIds.IdOf(submission.Language);
        var language = languages.FirstOrDefault(l => string.Equals(l.Id, submission.Language, StringComparison.OrdinalIgnoreCase));
        var status = Judge0Statuses.Of(submission);
        return new Judge0Submission(
            submission.Id.ToString(),
            status,
            status.Id,
            languageId,
            new Judge0Language(languageId, language is null ? submission.Language : Judge0LanguageIds.NameOf(language)),
            Render(result?.Stdout, result, base64),
            Render(result?.Stderr, result, base64),
            Render(result?.CompileOutput, result, base64),
            result is null ? null : RenderText(Judge0Statuses.MessageOf(result), base64),
            result?.ExitCode,
            result?.Signal,
            result is null ? null : Seconds(result.CpuTimeMs),
            result is null ? null : Seconds(result.WallTimeMs),
            result is null ? null : result.MemoryBytes / 1024,
            Timestamp(submission.CreatedAt),
            submission.Status == SubmissionStatus.Completed && submission.CompletedAt is { } at ? Timestamp(at) : null);
    }

    /// <summary>An output field: null when empty (as Judge0 stores it), else its bytes as base64 or as text.</summary>
    private static string? Render(string? value, RunResult? result, bool base64)
    {
        if (string.IsNullOrEmpty(value) || result is null)
            return null;
        var bytes = result.OutputEncoding == ContentEncoding.Base64 ? Convert.FromBase64String(value) : Encoding.UTF8.GetBytes(value);
        if (bytes.Length == 0)
            return null;
        return base64 ? Convert.ToBase64String(bytes) : StrictUtf8.GetString(bytes);
    }

    private static string? RenderText(string? text, bool base64) =>
        string.IsNullOrEmpty(text) ? null : base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;

    private static string Seconds(int milliseconds) => (milliseconds / 1000m).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
