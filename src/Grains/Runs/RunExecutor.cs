using CodeRunner.Diagnostics;
using CodeRunner.Sandboxes;
using Microsoft.Extensions.Options;

namespace CodeRunner.Runs;

/// <summary>Runs one program on this node: take a warm sandbox, place files, compile, run, judge, hand the sandbox back.</summary>
public sealed class RunExecutor(SandboxPools pools, IOptions<RunOptions> options)
{
    /// <summary>Checks the request (throwing <see cref="RunRequestException"/>) and runs it.</summary>
    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken ct)
    {
        await pools.Ready.WaitAsync(ct);
        return await RunAsync(RunPlanner.Plan(request, pools.Catalog, options.Value), ct);
    }

    /// <summary>Runs a checked plan. Hostile programs get a verdict; only a broken sandbox gives InternalError.</summary>
    public async Task<RunResult> RunAsync(RunPlan plan, CancellationToken ct)
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
            var result = await RunOnAsync(plan, lease, ct);
            lease.Sandbox.LastVerdict = result.Verdict; // the dashboard's sandboxes view shows it
            return result;
        }
    }

    private static async Task<RunResult> RunOnAsync(RunPlan plan, SandboxLease lease, CancellationToken ct)
    {
        {
            try
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
            catch (SandboxFailedException e)
            {
                lease.Broken = true;
                return Verdicts.InternalError(plan, e.Message);
            }
        }
    }
}
