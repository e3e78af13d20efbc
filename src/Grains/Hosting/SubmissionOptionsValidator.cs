using CodeRunner.Cluster;
using Microsoft.Extensions.Options;

namespace CodeRunner.Hosting;

internal sealed class SubmissionOptionsValidator : IValidateOptions<SubmissionOptions>
{
    public ValidateOptionsResult Validate(string? name, SubmissionOptions o) =>
        o.MaxAttempts < 1 || o.ClaimPollInterval <= TimeSpan.Zero || o.ShutdownGrace < TimeSpan.Zero || o.DeadlineSlack < TimeSpan.Zero
            ? ValidateOptionsResult.Fail("Cluster:Submissions: MaxAttempts must be at least 1, ClaimPollInterval positive, ShutdownGrace and DeadlineSlack not negative.")
            : o.Retention < TimeSpan.Zero || o.RetentionSweepInterval <= TimeSpan.Zero
                ? ValidateOptionsResult.Fail("Cluster:Submissions: Retention must not be negative (0 keeps everything) and RetentionSweepInterval must be positive.")
                : ValidateOptionsResult.Success;
}
