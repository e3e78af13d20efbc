using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Auth;

/// <summary>Looks keys up by their hash, so the configuration never holds a usable key.</summary>
public sealed class ApiKeys(IOptions<AuthOptions> options, IConfiguration configuration)
{
    private readonly Dictionary<string, ApiKeyEntry> _byHash = options.Value.Keys
        .ToDictionary(k => k.Sha256.ToLowerInvariant(), StringComparer.Ordinal);

    public bool AllowAnonymous { get; } = options.Value.AllowAnonymous
        ?? (options.Value.Keys.Count == 0 && configuration.GetValue("Frontend:HostSilo", true));

    public int AnonymousRequestsPerMinute { get; } = options.Value.AnonymousRequestsPerMinute;

    public ApiKeyEntry? Find(string key) => _byHash.GetValueOrDefault(Hash(key));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: 32 bytes, base64url, with a prefix that makes leaked keys easy to grep for.</summary>
    public static string NewKey() => "crk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
