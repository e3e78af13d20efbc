namespace CodeRunner.Silo.Hosting;

/// <summary>
/// The default of <see cref="Membership.SiloOptions.AdvertisedAddress"/>: the scheme and port of
/// the first address the silo listens on, with a host others can reach (<c>POD_IP</c> on
/// Kubernetes) in place of a wildcard or <c>localhost</c>.
/// </summary>
public static class AdvertisedAddress
{
    /// <summary>Kestrel's own default when no address is configured.</summary>
    private const string KestrelDefault = "http://localhost:5000";

    public static string FromUrls(string? urls, string? podIp)
    {
        var first = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? KestrelDefault;
        // Kestrel accepts "http://*:8080" and "http://+:8080", which Uri does not.
        var parsed = new Uri(first.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"));
        var reachable = parsed.Host is "0.0.0.0" or "[::]" or "::" or "localhost" ? podIp ?? "127.0.0.1" : parsed.Host;
        if (reachable.Contains(':') && !reachable.StartsWith('['))
            reachable = $"[{reachable}]"; // an IPv6 POD_IP
        return $"{parsed.Scheme}://{reachable}:{parsed.Port}";
    }
}
