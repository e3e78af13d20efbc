using CodeRunner.Sessions;
using Microsoft.Extensions.Options;

namespace CodeRunner.Hosting;

internal sealed class SessionOptionsValidator : IValidateOptions<SessionOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionOptions o) =>
        o.IdleTimeout <= TimeSpan.Zero || o.MaxDuration <= TimeSpan.Zero || o.CpuTimeLimit <= TimeSpan.Zero
        || o.MaxDuration > TimeSpan.FromDays(1) || o.CpuTimeLimit > TimeSpan.FromDays(1)
        || o.MaxOutputBytes <= 0 || o.MaxInputBytes <= 0 || o.MaxInputBytes > 32 << 20 || o.MaxOutputBytesPerSecond <= 0 || o.OutputRateWindow <= TimeSpan.Zero
        || o.MaxConcurrentSessions < 0 || o.MaxPerCaller < 0 || o.MaxMessageBytes < 1024
            ? ValidateOptionsResult.Fail("Sessions: IdleTimeout, MaxDuration (at most 1 day), CpuTimeLimit (at most 1 day), MaxOutputBytes, MaxOutputBytesPerSecond and OutputRateWindow must be positive, MaxInputBytes between 1 and 32 MiB (the launcher queues at most 64 MiB), MaxConcurrentSessions and MaxPerCaller not negative, MaxMessageBytes at least 1024.")
            : ValidateOptionsResult.Success;
}
