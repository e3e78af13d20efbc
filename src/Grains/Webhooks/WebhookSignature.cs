using System.Security.Cryptography;
using System.Text;

namespace CodeRunner.Webhooks;

/// <summary>
/// <c>X-Coderun-Signature: sha256=HEX</c>, the HMAC-SHA256 of <c>TIMESTAMP.BODY</c> with the shared
/// secret, where TIMESTAMP is the <c>X-Coderun-Timestamp</c> header (Unix seconds). Receivers
/// recompute it, compare in constant time, and refuse old timestamps to stop replays.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Coderun-Signature";
    public const string TimestampHeader = "X-Coderun-Timestamp";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{timestamp}.");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    public static bool Verify(string secret, long timestamp, ReadOnlySpan<byte> body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
