using CodeRunner.Diagnostics;
using CodeRunner.Sandboxes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRunner.Runs;

/// <summary>Runs one program on this node: take a warm sandbox, place files, compile, run, judge, hand the sandbox back.</summary>
public sealed partial class RunExecutor(SandboxPools pools, IOptions<RunOptions> options, ILogger<RunExecutor> logger)
{
    /// <summary>
    /// Tries of one run when its sandbox breaks under it. A container can stop for reasons no
    /// program within its limits causes (the engine, the host, gVisor still recovering from an
    /// earlier program's fork bomb): such a run gets one more try on another sandbox rather than an
    /// InternalError. Programs have no way out of their sandbox, so running one twice is safe.
    /// </summary>
    public const int MaxAttempts = 2;

    /// <summary>Checks the request (throwing <see cref="RunRequestException"/>) and runs it.</summary>
    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken ct)
    {
        await pools.Ready.WaitAsync(ct);
        return await RunAsync(RunPlanner.Plan(request, pools.Catalog, options.Value), ct);
    }

    /// <summary>Runs a checked plan. Hostile programs get a verdict; only a broken sandbox gives InternalError.</summary>
    public async Task<RunResult> RunAsync(RunPlan plan, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            SandboxLease lease;
            try
            {
                using var acquiring = CodeRunnerTracing.StartStep("sandbox.acquire");
                lease = await pools.PoolFor(plan.Language).AcquireAsync(ct);
            }
            catch (SandboxUnavailableException e)
            {
                return Verdicts.InternalError(plan, e.Message);
            }
            using (lease)
            {
                try
                {
                    var result = await RunOnAsync(plan, lease, ct);
                    lease.Sandbox.LastVerdict = result.Verdict; // the dashboard's sandboxes view shows it
                    return result;
                }
                catch (SandboxFailedException e)
                {
                    lease.Broken = true; // retired, never reset
                    lease.Sandbox.LastVerdict = Verdict.InternalError;
                    if (!e.Retryable || attempt == MaxAttempts || ct.IsCancellationRequested)
                        return Verdicts.InternalError(plan, e.Message);
                    LogRetrying(logger, plan.Language.Id, e.Message);
                    CodeRunnerMetrics.RunRetried(plan.Language.Id);
                }
            }
        }
    }

    /// <summary>Places, compiles, runs and judges on the leased sandbox; a broken sandbox throws <see cref="SandboxFailedException"/>.</summary>
    private static async Task<RunResult> RunOnAsync(RunPlan plan, SandboxLease lease, CancellationToken ct)
    {
        var sandbox = lease.Sandbox;
        var refusals = await sandbox.PlaceFilesAsync(plan.Files, ct);
        if (refusals.Count > 0)
            return Verdicts.InternalError(plan, "the sandbox refused files: " + string.Join("; ", refusals));
        Sandboxes.Launcher.ExecResult? compile = null;
        if (plan.Compile is { } compileStep)
        {
            using (CodeRunnerTracing.StartStep("sandbox.compile"))
                compile = await sandbox.ExecAsync(compileStep, ReadOnlyMemory<byte>.Empty, ct);
            ct.ThrowIfCancellationRequested(); // a compile killed by a cancel is not a compilation error
            if (!Verdicts.CompileSucceeded(compile))
                return Verdicts.Judge(plan, compile, null);
        }
        if (plan.TestCases is { } cases)
        {
            // Compiled once, above; each case runs in the same work directory, judged on its own.
            var results = new List<Sandboxes.Launcher.ExecResult>(cases.Count);
            foreach (var testCase in cases)
            {
                using (CodeRunnerTracing.StartStep("sandbox.run"))
                    results.Add(await sandbox.ExecAsync(plan.Run, testCase.Stdin, ct));
                ct.ThrowIfCancellationRequested();
            }
            return Verdicts.JudgeTestCases(plan, compile, results);
        }
        Sandboxes.Launcher.ExecResult run;
        using (CodeRunnerTracing.StartStep("sandbox.run"))
            run = await sandbox.ExecAsync(plan.Run, plan.Stdin, ct);
        ct.ThrowIfCancellationRequested();
        return Verdicts.Judge(plan, compile, run);
    }

    [LoggerMessage(EventId = 1420, Level = LogLevel.Warning, Message = "A {LanguageId} run lost its sandbox ({Reason}); running it again on another")]
    private static partial void LogRetrying(ILogger logger, string languageId, string reason);
}
