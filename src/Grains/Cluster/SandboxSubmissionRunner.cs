using CodeRunner.Runs;

namespace CodeRunner.Cluster;

/// <summary>Runs submissions on this node's sandboxes. A request the node cannot plan (it was checked at submit time against the same definitions) ends as InternalError.</summary>
public sealed class SandboxSubmissionRunner(RunExecutor executor) : ISubmissionRunner
{
    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken ct)
    {
        try
        {
            return await executor.RunAsync(request, ct);
        }
        catch (RunRequestException e)
        {
            return RunResult.WithoutOutput(Verdict.InternalError, request.OutputEncoding, $"this silo cannot run the request: {e.Message}");
        }
    }
}
