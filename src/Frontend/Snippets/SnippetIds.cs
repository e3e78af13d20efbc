using System.Security.Cryptography;

namespace CodeRunner.Frontend.Snippets;

/// <summary>
/// Snippet ids: the id is the link's only secret (anyone holding it can read the snippet, nobody
/// can list them), so it comes from a CSPRNG and is long enough not to be guessed: 12 base62
/// characters, about 71 bits. URL-safe, so links need no escaping.
/// </summary>
public static class SnippetIds
{
    public const int Length = 12;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Whether <paramref name="id"/> could be a snippet id (no store round trip for anything else).</summary>
    public static bool IsWellFormed(string id) => id.Length == Length && id.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
