using CodeRunner.Sandboxes;
using Microsoft.Extensions.Options;

namespace CodeRunner.Hosting;

/// <summary>Fails start-up with the setting's name when a sandbox setting cannot work.</summary>
internal sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions o)
    {
        var failures = new List<string>();
        if (o.Runtime is not ("runc" or "runsc"))
            failures.Add($"Sandboxes:Runtime must be 'runc' or 'runsc', not '{o.Runtime}'.");
        if (o.MinWarm < 0 || o.MinWarm > o.MaxPerLanguage)
            failures.Add("Sandboxes:MinWarm must be between 0 and Sandboxes:MaxPerLanguage.");
        if (o.MaxPerLanguage < 1)
            failures.Add("Sandboxes:MaxPerLanguage must be at least 1.");
        foreach (var (language, size) in o.Pools)
        {
            if (size.Max < 1 || size.MinWarm < 0 || size.MinWarm > size.Max)
                failures.Add($"Sandboxes:Pools:{language} needs 0 <= MinWarm <= Max and Max >= 1.");
        }
        if (o.MaxRunsPerSandbox < 1)
            failures.Add("Sandboxes:MaxRunsPerSandbox must be at least 1.");
        if (o.CreateConcurrency < 1)
            failures.Add("Sandboxes:CreateConcurrency must be at least 1.");
        if (o.CpusPerSandbox is <= 0 or > 64)
            failures.Add("Sandboxes:CpusPerSandbox must be above 0 and at most 64.");
        if (o.WorkDirectoryBytes < 1 << 20 || o.TmpDirectoryBytes < 1 << 20)
            failures.Add("Sandboxes:WorkDirectoryBytes and Sandboxes:TmpDirectoryBytes must be at least 1 MiB.");
        if (o.Inodes < 64)
            failures.Add("Sandboxes:Inodes must be at least 64.");
        if (o.AcquireTimeout <= TimeSpan.Zero || o.CreateTimeout <= TimeSpan.Zero || o.LauncherGrace <= TimeSpan.Zero)
            failures.Add("Sandboxes:AcquireTimeout, CreateTimeout and LauncherGrace must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
