using CodeRunner.Sessions;
using Microsoft.Extensions.Options;

namespace CodeRunner.Hosting;

internal sealed class SessionOptionsValidator : IValidateOptions<SessionOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionOptions o) =>
        o.IdleTimeout <= TimeSpan.Zero || o.MaxDuration <= TimeSpan.Zero || o.CpuTimeLimit <= TimeSpan.Zero
        || o.MaxDuration > TimeSpan.FromDays(1) || o.CpuTimeLimit > TimeSpan.FromDays(1)
        || o.MaxOutputBytes <= 0 || o.MaxOutputBytesPerSecond <= 0 || o.OutputRateWindow <= TimeSpan.Zero
        || o.MaxConcurrentSessions < 0 || o.MaxMessageBytes < 1024
            ? ValidateOptionsResult.Fail("Sessions: IdleTimeout, MaxDuration (at most 1 day), CpuTimeLimit (at most 1 day), MaxOutputBytes, MaxOutputBytesPerSecond and OutputRateWindow must be positive, MaxConcurrentSessions not negative, MaxMessageBytes at least 1024.")
            : ValidateOptionsResult.Success;
}
