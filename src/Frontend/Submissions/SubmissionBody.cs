using CodeRunner.Languages;
using CodeRunner.Runs;
using CodeRunner.Submissions;

namespace CodeRunner.Frontend.Submissions;

/// <summary>The body of <c>POST /api/v1/submissions</c> (and of <c>/runs</c> and <c>/batch</c> items): a run request, plus a single <c>source</c> shortcut and a priority.</summary>
public sealed record SubmissionBody(
    string? Language,
    IReadOnlyList<SourceFile>? Files = null,
    string? Source = null,
    string? Stdin = null,
    ContentEncoding StdinEncoding = ContentEncoding.Utf8,
    IReadOnlyList<string>? Args = null,
    IReadOnlyList<string>? CompileOptions = null,
    ResourceLimits? Limits = null,
    string? ExpectedOutput = null,
    OutputComparison Comparison = OutputComparison.IgnoreTrailingWhitespace,
    ContentEncoding OutputEncoding = ContentEncoding.Utf8,
    int Priority = 0,
    string? CallbackUrl = null,
    IReadOnlyList<TestCase>? TestCases = null,
    string? Version = null)
{
    /// <summary>The request for the cluster; <c>source</c> becomes the language's source file. Checks that only one of the two is given.</summary>
    public SubmissionRequest ToRequest(IReadOnlyList<LanguageInfo> languages, string? idempotencyKey, Auth.Caller? caller = null)
    {
        if (Source is not null && Files is { Count: > 0 })
            throw RunRequestException.For(RunRequestProblem.Invalid, "source", "give either source or files, not both");
        var files = Files;
        var language = Frontend.Languages.LanguageNames.Find(languages, Language);
        if (Source is not null)
            files = [new SourceFile(language?.SourceFile ?? "main", Source)];
        // A name plus a version selector ("python" + "3", "~3.11", "*"): refused when the cluster runs another version.
        if (Version is not null && language is not null && !Languages.VersionSelector.Accepts(Version, language.Version))
            throw RunRequestException.For(RunRequestProblem.Unprocessable, "version", $"{language.Id} is {language.Version}; '{Version}' does not match it");
        if (Priority is < -100 or > 100)
            throw RunRequestException.For(RunRequestProblem.Invalid, "priority", "must be between -100 and 100");
        return new SubmissionRequest(
            new RunRequest(Language ?? "", files ?? [], Stdin, StdinEncoding, Args, CompileOptions, Limits, ExpectedOutput, Comparison, OutputEncoding, TestCases),
            Priority,
            idempotencyKey,
            CallbackUrl,
            caller?.Name,
            caller?.MaxActiveSubmissions ?? 0);
    }
}
