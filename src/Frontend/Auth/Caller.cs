namespace CodeRunner.Frontend.Auth;

/// <summary>Who made a request: a key's name, or an anonymous client address. Rate limits are per caller.</summary>
/// <param name="Name">The key's name, or <c>anonymous:ADDRESS</c>.</param>
/// <param name="RequestsPerMinute">Its rate limit.</param>
/// <param name="MaxActiveSubmissions">Its quota of submissions in flight; 0 for none.</param>
/// <param name="IsOperator">May use the admin API: an operator key, or an anonymous caller on loopback (see docs/operations.md).</param>
public sealed record Caller(string Name, int RequestsPerMinute, int MaxActiveSubmissions = 0, bool IsOperator = false)
{
    private const string ItemKey = "coderun.caller";

    public static Caller? Of(HttpContext context) => context.Items.TryGetValue(ItemKey, out var caller) ? caller as Caller : null;

    public void Attach(HttpContext context) => context.Items[ItemKey] = this;

    /// <summary>The request as this caller's: recorded as its submitter and counted against its quota.</summary>
    public static CodeRunner.Submissions.SubmissionRequest Apply(HttpContext context, CodeRunner.Submissions.SubmissionRequest request) =>
        Of(context) is { } caller ? request with { Submitter = caller.Name, MaxActive = caller.MaxActiveSubmissions } : request;
}
