using System.Net;
using System.Net.Sockets;

namespace CodeRunner.Webhooks;

/// <summary>
/// Which callback targets are refused: a callback must not let a stranger make the cluster call
/// its own loopback, the pod network or the cloud metadata service (SSRF). Checked on the URL at
/// submit time and again on every resolved address at delivery (DNS can change in between).
/// </summary>
public static class CallbackAddresses
{
    /// <summary>Why the URL is refused, naming the setting that would allow it; null when it is fine to try.</summary>
    public static string? ProblemWithUrl(string url, WebhookOptions options)
    {
        if (url.Length > 2048 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "must be an absolute http or https URL of at most 2048 characters";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "may not carry credentials";
        if (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            return options.AllowLoopback ? null : "points at a loopback address (set Webhooks:AllowLoopback to allow it)";
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) ? ProblemWithAddress(address, options) : null;
    }

    public static string? ProblemWithAddress(IPAddress address, WebhookOptions options)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address))
            return options.AllowLoopback ? null : "points at a loopback address (set Webhooks:AllowLoopback to allow it)";
        if (IsPrivateOrLinkLocal(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            return options.AllowPrivateNetworks ? null : "points at a private or link-local address (set Webhooks:AllowPrivateNetworks to allow it)";
        return null;
    }

    private static bool IsPrivateOrLinkLocal(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)   // link-local, including cloud metadata (169.254.169.254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127) // carrier-grade NAT
            || b[0] == 0;
    }
}
