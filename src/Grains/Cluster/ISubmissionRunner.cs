using CodeRunner.Runs;

namespace CodeRunner.Cluster;

/// <summary>Runs one submission's program to a result. The sandbox engine in production; a fake in the claim-count tests.</summary>
public interface ISubmissionRunner
{
    Task<RunResult> RunAsync(RunRequest request, CancellationToken ct);
}
