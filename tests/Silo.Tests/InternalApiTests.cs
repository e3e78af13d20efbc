using System.Net;
using System.Net.Http.Json;
using CodeRunner.Client.Silos;
using CodeRunner.Silo.Hosting;
using CodeRunner.Silo.Internal;
using CodeRunner.Storage;
using CodeRunner.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CodeRunner.Tests;

/// <summary>A silo publishes where it can be reached, and answers its internal API only to members of the cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class InternalApiTests(PostgresServer server)
{
    [Fact]
    public async Task SiloPublishesItsAddressAndAnswersOnlyWithTheClusterKey()
    {
        await using var cluster = await ClusterFixture.StartAsync(server);
        var silo = await cluster.StartSiloAsync("internal", new Dictionary<string, string> { ["InternalApi:Key"] = "cluster-secret" });

        var record = (await cluster.Store.ListSilosAsync(CancellationToken.None)).Single(s => s.SiloName == silo.Name && s.Status == SiloStatus.Active);
        Assert.Equal($"http://127.0.0.1:{silo.Port}", record.Address);

        using var anonymous = new HttpClient { BaseAddress = new Uri(record.Address) };
        var refused = await anonymous.GetAsync("/internal/v1/silo");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("X-Internal-Key", await refused.Content.ReadAsStringAsync());

        var connections = cluster.ServicesWith(("InternalApi:Key", "cluster-secret")).GetRequiredService<SiloConnections>();
        var info = await connections.For(record).GetFromJsonAsync<SiloInfo>("internal/v1/silo");
        Assert.Equal(record.SiloId, info!.SiloId);
        Assert.Equal(new Uri($"ws://127.0.0.1:{silo.Port}/internal/v1/sessions"), SiloConnections.WebSocketUri(record, "/internal/v1/sessions"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", null, "http://127.0.0.1:8080")]
    [InlineData("http://0.0.0.0:8081;http://127.0.0.1:9000", "10.1.2.3", "http://10.1.2.3:8081")]
    [InlineData("http://*:8081", null, "http://127.0.0.1:8081")]
    [InlineData("http://+:80", "fd00::5", "http://[fd00::5]:80")]
    [InlineData("https://localhost:7000", "10.0.0.9", "https://10.0.0.9:7000")]
    [InlineData(null, null, "http://127.0.0.1:5000")]
    public void AdvertisedAddressIsTheFirstListenAddressWithAReachableHost(string? urls, string? podIp, string expected) =>
        Assert.Equal(expected, AdvertisedAddress.FromUrls(urls, podIp));
}
