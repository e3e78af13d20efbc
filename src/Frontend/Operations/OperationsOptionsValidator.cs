using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Operations;

/// <summary>Fails start-up with the setting's name when an operations setting cannot work.</summary>
public sealed class OperationsOptionsValidator : IValidateOptions<OperationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperationsOptions options)
    {
        var failures = new List<string>();
        void Positive(TimeSpan value, string setting)
        {
            if (value <= TimeSpan.Zero)
                failures.Add($"{OperationsOptions.SectionName}:{setting} must be positive.");
        }
        Positive(options.SettingsCacheDuration, nameof(options.SettingsCacheDuration));
        Positive(options.StreamInterval, nameof(options.StreamInterval));
        Positive(options.MaxStream, nameof(options.MaxStream));
        Positive(options.StatsWindow, nameof(options.StatsWindow));
        Positive(options.MaintenanceRetryAfter, nameof(options.MaintenanceRetryAfter));
        Positive(options.SiloCallTimeout, nameof(options.SiloCallTimeout));
        if (options.MaxStatsRows <= 0)
            failures.Add($"{OperationsOptions.SectionName}:{nameof(options.MaxStatsRows)} must be positive.");
        if (options.MaxPageSize <= 0)
            failures.Add($"{OperationsOptions.SectionName}:{nameof(options.MaxPageSize)} must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
