using CodeRunner.Cluster;
using CodeRunner.Storage;
using Microsoft.Extensions.Options;

namespace CodeRunner.Client.Silos;

/// <summary>
/// Reaches one given silo's internal API (<c>/internal/v1</c>) at the address it published in the
/// membership table, presenting the cluster's internal key. Frontends use it for what must happen
/// where a sandbox lives: interactive sessions, draining, a silo's sandboxes and logs.
/// </summary>
public sealed class SiloConnections(IHttpClientFactory clients, IClusterStore store, IOptions<InternalApiOptions> options)
{
    public const string HttpClientName = "silo";

    /// <summary>The silos that take work now (Active), as the store sees them.</summary>
    public async Task<IReadOnlyList<SiloRecord>> ActiveAsync(CancellationToken ct) =>
        [.. (await store.ListSilosAsync(ct)).Where(s => s.Status == SiloStatus.Active)];

    /// <summary>An HTTP client whose relative URLs resolve against the silo's advertised address.</summary>
    public HttpClient For(SiloRecord silo)
    {
        var client = clients.CreateClient(HttpClientName);
        client.BaseAddress = new Uri(silo.Address.TrimEnd('/') + "/");
        if (options.Value.Key.Length > 0)
            client.DefaultRequestHeaders.Add(InternalApiOptions.KeyHeader, options.Value.Key);
        return client;
    }

    /// <summary>The WebSocket URL of an internal path on the silo (<c>ws://</c> or <c>wss://</c>).</summary>
    public static Uri WebSocketUri(SiloRecord silo, string relativePath)
    {
        var http = new Uri(new Uri(silo.Address.TrimEnd('/') + "/"), relativePath.TrimStart('/'));
        return new UriBuilder(http) { Scheme = http.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
    }

    /// <summary>The header a caller adds by hand (a WebSocket connect does not go through <see cref="For"/>).</summary>
    public KeyValuePair<string, string>? KeyHeader =>
        options.Value.Key.Length > 0 ? new(InternalApiOptions.KeyHeader, options.Value.Key) : null;
}
