using System.Diagnostics;
using System.Diagnostics.Metrics;
using CodeRunner.Runs;
using CodeRunner.Sandboxes;

namespace CodeRunner.Diagnostics;

/// <summary>
/// The one meter of the service, <c>CodeRunner</c>, and its instruments, recorded where the events
/// happen. Tags are bounded: language ids (from the definitions), verdicts, sandbox states and the
/// reasons of <see cref="RetireReason"/>, <see cref="ClaimConflict"/> and <see cref="CallbackFailure"/>;
/// never an id. docs/operations.md lists each one under the name /metrics gives it.
/// </summary>
public static class CodeRunnerMetrics
{
    public const string MeterName = "CodeRunner";

    /// <summary>
    /// From a few milliseconds (a cached hello-world) to a minute (a slow compile plus test cases):
    /// Prometheus' default buckets (up to 10 s) would put every long run in one bucket.
    /// </summary>
    public static readonly IReadOnlyList<double> SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private static readonly Meter Meter = new(MeterName);
    private static readonly GaugeSources<KeyValuePair<string, int>> QueueSources = new();
    private static readonly GaugeSources<(string Language, SandboxState State, int Count)> SandboxSources = new();
    private static readonly SandboxState[] ReportedStates =
        [SandboxState.Creating, SandboxState.Warm, SandboxState.Busy, SandboxState.Resetting, SandboxState.Retiring];

    private static readonly Counter<long> Accepted = Meter.CreateCounter<long>(
        "coderun.submissions.accepted", "{submission}", "Submissions accepted (committed as Queued) by the cluster client of this process.");
    private static readonly Counter<long> Completed = Meter.CreateCounter<long>(
        "coderun.submissions.completed", "{submission}", "Results this silo wrote, by verdict.");
    private static readonly Histogram<double> RunDuration = Meter.CreateHistogram(
        "coderun.run.duration", "s", "Time a silo spent on a claimed submission until its result: sandbox, files, compile, runs.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
    private static readonly Histogram<double> QueueWait = Meter.CreateHistogram(
        "coderun.queue.wait", "s", "Time from a submission's acceptance to its claim by this silo (store clock).",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
    private static readonly Counter<long> Claims = Meter.CreateCounter<long>(
        "coderun.claims", "{submission}", "Submissions this silo claimed.");
    private static readonly Counter<long> ClaimConflicts = Meter.CreateCounter<long>(
        "coderun.claim.conflicts", "{conflict}", "Races this silo lost: a wake-up whose claim took nothing, or a fenced write refused because the silo no longer owned the submission.");
    private static readonly Counter<long> SandboxCreates = Meter.CreateCounter<long>(
        "coderun.sandbox.creates", "{sandbox}", "Sandboxes made ready (container created, started, launcher said hello).");
    private static readonly Counter<long> SandboxCreateFailures = Meter.CreateCounter<long>(
        "coderun.sandbox.create.failures", "{sandbox}", "Sandboxes that could not be made ready.");
    private static readonly Counter<long> SandboxResets = Meter.CreateCounter<long>(
        "coderun.sandbox.resets", "{reset}", "Clean resets after a run: the sandbox went back to warm.");
    private static readonly Counter<long> SandboxResetFailures = Meter.CreateCounter<long>(
        "coderun.sandbox.reset.failures", "{reset}", "Resets that could not prove the sandbox clean; it is retired.");
    private static readonly Counter<long> SandboxRetires = Meter.CreateCounter<long>(
        "coderun.sandbox.retires", "{sandbox}", "Sandboxes retired, by reason.");
    private static readonly Counter<long> SandboxRetireFailures = Meter.CreateCounter<long>(
        "coderun.sandbox.retire.failures", "{sandbox}", "Retired sandboxes whose container could not be removed; the silo's sweep removes it later.");
    private static readonly Counter<long> RunRetries = Meter.CreateCounter<long>(
        "coderun.run.retries", "{run}", "Batch runs tried again on another sandbox because their container stopped under them.");
    private static readonly Counter<long> CallbacksDelivered = Meter.CreateCounter<long>(
        "coderun.callbacks.delivered", "{callback}", "Results delivered to a callback URL (answered 2xx).");
    private static readonly Counter<long> CallbacksFailed = Meter.CreateCounter<long>(
        "coderun.callbacks.failed", "{callback}", "Results not delivered to their callback URL, by reason.");

    static CodeRunnerMetrics()
    {
        // Last source wins: every source of one process reads the same store.
        Meter.CreateObservableGauge("coderun.queue.depth",
            () => QueueSources.Read().GroupBy(q => q.Key).Select(g => new Measurement<int>(g.Last().Value, Tag("language", g.Key))),
            "{submission}", "Queued submissions per language in the store: the autoscaling signal.");
        // Summed: several nodes in one process (tests) have that many sandboxes between them.
        Meter.CreateObservableGauge("coderun.sandboxes",
            () => SandboxSources.Read().GroupBy(s => (s.Language, s.State)).Select(g => new Measurement<int>(g.Sum(s => s.Count),
                Tag("language", g.Key.Language), Tag("state", StateName(g.Key.State)))),
            "{sandbox}", "Sandboxes of this silo per language and state.");
    }

    /// <summary>
    /// Makes the instruments exist, so a listener sees them (and /metrics lists them) before their
    /// first event: calling any member runs the static constructor, and the field initialisers first.
    /// </summary>
    public static void EnsureCreated()
    {
    }

    /// <summary>Feeds <c>coderun.queue.depth</c> while the returned registration lives.</summary>
    public static IDisposable ObserveQueueDepth(Func<IEnumerable<KeyValuePair<string, int>>> read) => QueueSources.Add(read);

    /// <summary>
    /// Feeds <c>coderun.sandboxes</c> while the returned registration lives. Every state of
    /// <see cref="ReportedStates"/> is reported for each language, zeros too, so series do not vanish.
    /// </summary>
    public static IDisposable ObserveSandboxes(Func<IEnumerable<(string Language, SandboxState State, int Count)>> read) =>
        SandboxSources.Add(() =>
        {
            var counts = read().ToList();
            return counts.Select(c => c.Language).Distinct().SelectMany(language => ReportedStates.Select(state =>
                (language, state, counts.Where(c => c.Language == language && c.State == state).Sum(c => c.Count))));
        });

    public static void SubmissionAccepted(string language) => Accepted.Add(1, Tag("language", language));

    public static void SubmissionCompleted(string language, Verdict verdict) =>
        Completed.Add(1, Tag("language", language), Tag("verdict", verdict.ToString()));

    public static void RunFinished(string language, TimeSpan duration) => RunDuration.Record(duration.TotalSeconds, Tag("language", language));

    public static void SubmissionClaimed(string language, TimeSpan queueWait)
    {
        Claims.Add(1, Tag("language", language));
        QueueWait.Record(Math.Max(0, queueWait.TotalSeconds), Tag("language", language));
    }

    public static void ClaimConflicted(string language, ClaimConflict conflict) =>
        ClaimConflicts.Add(1, Tag("language", language), Tag("reason", conflict == ClaimConflict.EmptyWake ? "empty_wake" : "lost_ownership"));

    public static void SandboxCreated(string language) => SandboxCreates.Add(1, Tag("language", language));

    public static void SandboxCreateFailed(string language) => SandboxCreateFailures.Add(1, Tag("language", language));

    public static void SandboxReset(string language, bool clean) =>
        (clean ? SandboxResets : SandboxResetFailures).Add(1, Tag("language", language));

    public static void SandboxRetired(string language, RetireReason reason) =>
        SandboxRetires.Add(1, Tag("language", language), Tag("reason", ReasonName(reason)));

    public static void SandboxRetireFailed(string language) => SandboxRetireFailures.Add(1, Tag("language", language));

    public static void RunRetried(string language) => RunRetries.Add(1, Tag("language", language));

    public static void CallbackDelivered(string language) => CallbacksDelivered.Add(1, Tag("language", language));

    public static void CallbackFailed(string language, CallbackFailure failure) =>
        CallbacksFailed.Add(1, Tag("language", language), Tag("reason", failure == CallbackFailure.GaveUp ? "gave_up" : "not_configured"));

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);

    private static string StateName(SandboxState state) => state switch
    {
        SandboxState.Creating => "creating",
        SandboxState.Warm => "warm",
        SandboxState.Busy => "busy",
        SandboxState.Resetting => "resetting",
        SandboxState.Retiring => "retiring",
        _ => "retired",
    };

    private static string ReasonName(RetireReason reason) => reason switch
    {
        RetireReason.MaxRuns => "max_runs",
        RetireReason.ResetFailed => "reset_failed",
        RetireReason.Broken => "broken",
        RetireReason.Idle => "idle",
        _ => "shutdown",
    };
}
