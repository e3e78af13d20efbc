using Microsoft.Extensions.Options;
using Npgsql;

namespace CodeRunner.Storage;

/// <summary>Fails start-up with the setting's name when a store setting cannot work.</summary>
internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    /// <summary>Long enough for any sensible name, short enough to stay a cheap index prefix.</summary>
    public const int MaxClusterIdLength = 64;

    public ValidateOptionsResult Validate(string? name, StoreOptions o)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(o.ClusterId) || o.ClusterId.Length > MaxClusterIdLength)
            failures.Add($"Store:ClusterId must be 1 to {MaxClusterIdLength} characters.");
        if (string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            if (string.IsNullOrWhiteSpace(o.EmbeddedPath))
                failures.Add("Store:EmbeddedPath must be set when Store:ConnectionString is empty.");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(o.ConnectionString);
            }
            catch (ArgumentException e)
            {
                failures.Add($"Store:ConnectionString is not a valid PostgreSQL connection string: {e.Message}");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
