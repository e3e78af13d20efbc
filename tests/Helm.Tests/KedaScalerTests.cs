using System.Text.Json.Nodes;
using CodeRunner.Helm.Tests.Support;
using CodeRunner.Runs;
using CodeRunner.Storage;
using CodeRunner.Storage.PostgreSql;
using CodeRunner.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CodeRunner.Helm.Tests;

/// <summary>
/// KEDA's ScaledObject is a custom resource, outside the core API schemas: checked here by structure,
/// and its query run against the store's real schema.
/// </summary>
public class KedaScalerTests
{
    private static readonly string[] KedaOn = ["--set", "keda.enabled=true", "--set", "clusterId=blue"];

    [Fact]
    public async Task ScaledObjectTargetsTheSiloDeploymentWithAQueueTriggerAndACpuTrigger()
    {
        var manifests = await HelmChart.TemplateAsync(KedaOn);
        var scaled = manifests.OfKind("ScaledObject").Single();
        Assert.Equal("keda.sh/v1alpha1", (string?)scaled["apiVersion"]);
        var spec = scaled["spec"]!;
        Assert.Equal("Deployment", (string?)spec["scaleTargetRef"]!["kind"]);
        Assert.Equal(Manifests.Name(manifests.SiloDeployment), (string?)spec["scaleTargetRef"]!["name"]);
        Assert.True((int)spec["minReplicaCount"]! >= 1, "KEDA must not scale silos to zero: nobody would claim the queue");
        Assert.True((int)spec["maxReplicaCount"]! >= (int)spec["minReplicaCount"]!);

        var triggers = spec["triggers"]!.AsArray().Select(t => t!.AsObject()).ToList();
        var queue = triggers.Single(t => (string?)t["type"] == "postgresql");
        Assert.False(string.IsNullOrEmpty((string?)queue["metadata"]!["query"]));
        Assert.True(int.Parse((string)queue["metadata"]!["targetQueryValue"]!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains(triggers, t => (string?)t["type"] == "cpu");

        // The trigger's credentials come from a TriggerAuthentication that reads the database Secret.
        var authName = (string?)queue["authenticationRef"]!["name"];
        var auth = manifests.Single("TriggerAuthentication", authName!);
        Assert.Equal("keda.sh/v1alpha1", (string?)auth["apiVersion"]);
        var secretRef = auth["spec"]!["secretTargetRef"]!.AsArray().Single()!;
        Assert.Equal("connection", (string?)secretRef["parameter"]);
        Assert.Equal("coderun-database", (string?)secretRef["name"]);
        Assert.Equal("kedaConnection", (string?)secretRef["key"]);

        Assert.DoesNotContain(manifests.OfKind("HorizontalPodAutoscaler"), h => (string?)h["spec"]!["scaleTargetRef"]!["name"] == "coderun-silo");
    }

    [Fact]
    public async Task KedaQueryCountsExactlyThisClustersQueuedSubmissionsOnTheStoresSchema()
    {
        var query = (string)(await HelmChart.TemplateAsync(KedaOn)).OfKind("ScaledObject").Single()
            ["spec"]!["triggers"]!.AsArray().Single(t => (string?)t!["type"] == "postgresql")!["metadata"]!["query"]!;

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        await using var server = await PostgresServer.StartNewAsync(ct);
        var connectionString = await server.CreateDatabaseAsync(ct: ct);
        await using var blue = Open(connectionString, "blue");
        await using var green = Open(connectionString, "green");

        // Blue: three queued, one of them then claimed (Running); green: two queued, another cluster's.
        await blue.JoinAsync(new SiloRegistration("silo-1", "node-1", "127.0.0.1:1"), ct);
        for (var i = 0; i < 3; i++)
            await blue.EnqueueAsync(Submission("python"), ct);
        for (var i = 0; i < 2; i++)
            await green.EnqueueAsync(Submission("c"), ct);
        Assert.Single(await blue.ClaimAsync("silo-1", "python", 1, ct));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(query, connection);
        var queued = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(2, queued);
        Assert.Equal(queued, (await blue.CountQueuedAsync(ct)).Values.Sum());

        // And PostgreSQL answers it from the queue index, not by reading every completed row.
        await using var explain = new NpgsqlCommand("SET enable_seqscan = off; EXPLAIN " + query, connection);
        await using var reader = await explain.ExecuteReaderAsync(ct);
        var plan = new List<string>();
        while (await reader.ReadAsync(ct))
            plan.Add(reader.GetString(0));
        Assert.Contains(plan, line => line.Contains("submissions_queue", StringComparison.Ordinal));
    }

    private static PostgreSqlClusterStore Open(string connectionString, string clusterId) => new(
        Options.Create(new StoreOptions { ConnectionString = connectionString, ClusterId = clusterId }),
        NullLogger<PostgreSqlClusterStore>.Instance);

    private static NewSubmission Submission(string language) =>
        new(Guid.NewGuid(), new RunRequest(language, [new SourceFile("main", "print(42)")]));
}
