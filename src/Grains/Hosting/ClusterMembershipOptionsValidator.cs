using CodeRunner.Cluster;
using Microsoft.Extensions.Options;

namespace CodeRunner.Hosting;

internal sealed class ClusterMembershipOptionsValidator : IValidateOptions<ClusterMembershipOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterMembershipOptions o) =>
        o.IAmAliveTablePublishTimeout <= TimeSpan.Zero || o.TableRefreshTimeout <= TimeSpan.Zero || o.NumMissedTableIAmAliveLimit < 2
            ? ValidateOptionsResult.Fail("Cluster:Membership: IAmAliveTablePublishTimeout and TableRefreshTimeout must be positive, NumMissedTableIAmAliveLimit at least 2.")
            : ValidateOptionsResult.Success;
}
