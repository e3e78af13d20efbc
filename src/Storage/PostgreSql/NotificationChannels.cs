using System.Security.Cryptography;
using System.Text;

namespace CodeRunner.Storage.PostgreSql;

/// <summary>
/// LISTEN/NOTIFY channel names. <c>coderun_done</c> carries a submission id to everyone;
/// <c>coderun_wake_&lt;k&gt;</c> (a language) and <c>coderun_cancel_&lt;k&gt;</c> (a submission id)
/// reach one silo, where k is a short key made of the silo id's readable start and a hash of the
/// cluster and silo ids: only [a-z0-9_], so it needs no quoting, 29 characters at most, so a
/// channel stays far under PostgreSQL's 63-byte identifiers, and distinct for two silos whose ids
/// look alike or that live in two clusters sharing the database.
/// </summary>
internal static class NotificationChannels
{
    public const string Done = "coderun_done";

    public static string Wake(string clusterId, string siloId) => "coderun_wake_" + Key(clusterId, siloId);

    public static string Cancel(string clusterId, string siloId) => "coderun_cancel_" + Key(clusterId, siloId);

    internal static string Key(string clusterId, string siloId)
    {
        var readable = new string(siloId.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(16).ToArray());
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{clusterId}\n{siloId}"));
        return $"{readable}_{Convert.ToHexStringLower(hash, 0, 6)}";
    }
}
