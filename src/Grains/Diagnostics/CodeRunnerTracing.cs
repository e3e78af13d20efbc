using System.Diagnostics;

namespace CodeRunner.Diagnostics;

/// <summary>
/// The one activity source of the service, <c>CodeRunner</c>. A submission's trace: the client's
/// <c>submission.submit</c> (under the HTTP request's span) is stored with the submission as a W3C
/// traceparent; the silo that claims it starts <c>submission.claim</c> and <c>submission.execute</c>
/// under it, and the run's <c>sandbox.*</c> spans under that. Without a listener every span is null
/// and costs nothing.
/// </summary>
public static class CodeRunnerTracing
{
    public const string SourceName = "CodeRunner";

    public const string SubmissionIdTag = "coderun.submission.id";
    public const string LanguageTag = "coderun.language";
    public const string VerdictTag = "coderun.verdict";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The W3C traceparent to store with a submission: the current span's, when there is one.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>Starts a span of a stored submission under its traceparent (none: a root, or nothing when nobody listens).</summary>
    public static Activity? StartForSubmission(string name, ActivityKind kind, Guid submissionId, string language, string? traceParent, DateTimeOffset startTime = default)
    {
        if (!Source.HasListeners())
            return null;
        ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent);
        var activity = Source.StartActivity(name, kind, parent, startTime: startTime);
        activity?.SetTag(SubmissionIdTag, submissionId.ToString());
        activity?.SetTag(LanguageTag, language);
        return activity;
    }

    /// <summary>A step of the current submission's span (its id and language are copied, so each span says whose it is).</summary>
    public static Activity? StartStep(string name)
    {
        if (!Source.HasListeners())
            return null;
        var parent = Activity.Current;
        var activity = Source.StartActivity(name);
        if (activity is not null && parent is not null)
        {
            activity.SetTag(SubmissionIdTag, parent.GetTagItem(SubmissionIdTag));
            activity.SetTag(LanguageTag, parent.GetTagItem(LanguageTag));
        }
        return activity;
    }
}
