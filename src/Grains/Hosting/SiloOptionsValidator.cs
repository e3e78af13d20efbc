using CodeRunner.Membership;
using Microsoft.Extensions.Options;

namespace CodeRunner.Hosting;

internal sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions o) =>
        string.IsNullOrEmpty(o.SiloName) || SiloOptions.Sanitize(o.SiloName) != o.SiloName
            ? ValidateOptionsResult.Fail($"Silo:SiloName '{o.SiloName}' must be lower-case letters, digits, '-' and '.' (at most 48).")
            : ValidateOptionsResult.Success;
}
