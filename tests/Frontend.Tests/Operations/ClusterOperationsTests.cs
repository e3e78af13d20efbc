using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CodeRunner.Tests.Support;

namespace CodeRunner.Tests.Operations;

/// <summary>Operator actions through the admin API against real silo processes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterOperationsTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DrainedSiloClaimsNothingUntilResumed()
    {
        await using var cluster = await OperationsCluster.StartAsync("solo");
        var silo = cluster.Silos[0];
        var siloId = (await cluster.SiloAsync(silo)).GetProperty("siloId").GetString();
        using var probe = new HttpClient();

        var drained = await cluster.Http.PostAsync($"/api/v1/admin/silos/{siloId}/drain", null);
        Assert.Equal(HttpStatusCode.OK, drained.StatusCode);
        Assert.True((await drained.ReadJsonAsync()).GetProperty("draining").GetBoolean());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync($"http://127.0.0.1:{silo.Port}/health/ready")).StatusCode);
        await Eventually.True(async () => (await cluster.SiloAsync(silo)).GetProperty("state").GetString() == "Draining", Within, "the silo shows as Draining");

        var queued = await (await cluster.Http.PostAsync("/api/v1/submissions", JsonContent.Create(new { language = "python", source = "print(7)" }))).ReadJsonAsync();
        var id = queued.GetProperty("id").GetString();
        // Not a sleep: wait for the silo to publish three more heartbeats (past its 1 s claim poll),
        // then the submission must still be queued and the silo's claim counter unchanged.
        var before = await cluster.SiloAsync(silo);
        var heartbeat = before.GetProperty("heartbeatAt").GetDateTimeOffset();
        await Eventually.True(async () => (await cluster.SiloAsync(silo)).GetProperty("heartbeatAt").GetDateTimeOffset() > heartbeat.AddSeconds(1.5), Within, "three heartbeats");
        Assert.Equal("Queued", (await cluster.Http.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{id}")).GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("claimed").GetInt64(), (await cluster.SiloAsync(silo)).GetProperty("claimed").GetInt64());

        Assert.Equal(HttpStatusCode.OK, (await cluster.Http.DeleteAsync($"/api/v1/admin/silos/{siloId}/drain")).StatusCode);
        await Eventually.True(async () => (await cluster.Http.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{id}")).GetProperty("status").GetString() == "Completed",
            Within, "the queued submission runs once the silo is resumed");
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync($"http://127.0.0.1:{silo.Port}/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cluster.Http.PostAsync("/api/v1/admin/silos/nobody/drain", null)).StatusCode);
    }

    [Fact]
    public async Task WarmPoolSizeIsAppliedByEverySiloAndValidatedAgainstTheMaximum()
    {
        await using var cluster = await OperationsCluster.StartAsync("pool");
        var silo = cluster.Silos[0];
        int Python(JsonElement view, string field) => view.GetProperty("languages").GetProperty("python").GetProperty(field).GetInt32();

        var tooMany = await cluster.Http.PutAsJsonAsync("/api/v1/admin/pools/python", new { minWarm = 3 }); // the silos' maximum is 2
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains("at most 2", (await tooMany.ReadJsonAsync()).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await cluster.Http.PutAsJsonAsync("/api/v1/admin/pools/python", new { minWarm = 2 })).StatusCode);
        await Eventually.True(async () => Python(await cluster.SiloAsync(silo), "minWarm") == 2 && Python(await cluster.SiloAsync(silo), "warm") == 2,
            Within, "the silo keeps two warm python sandboxes");
        var pools = await cluster.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/pools");
        Assert.Equal(2, pools.EnumerateArray().Single(p => p.GetProperty("language").GetString() == "python").GetProperty("minWarm").GetInt32());

        var sandboxes = await cluster.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/sandboxes?language=python&limit=1");
        Assert.True(sandboxes.GetProperty("total").GetInt32() >= 2);
        Assert.Single(sandboxes.GetProperty("items").EnumerateArray());
        Assert.Equal("runc", sandboxes.GetProperty("items")[0].GetProperty("runtime").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await cluster.Http.DeleteAsync("/api/v1/admin/pools/python")).StatusCode);
        await Eventually.True(async () => Python(await cluster.SiloAsync(silo), "minWarm") == 1, Within, "the configured size is back");
    }

    [Fact]
    public async Task TheLogTailMergesTheSilosEntries()
    {
        await using var cluster = await OperationsCluster.StartAsync("logs");
        var silo = cluster.Silos[0];
        var logs = await cluster.Http.GetFromJsonAsync<JsonElement>($"/api/v1/admin/logs?source={silo.Name}&text=joined");
        Assert.Contains(logs.GetProperty("items").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("joined the cluster", StringComparison.Ordinal));
    }
}
