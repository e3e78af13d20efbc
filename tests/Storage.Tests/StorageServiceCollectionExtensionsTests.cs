using CodeRunner.Storage.PostgreSql;
using CodeRunner.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRunner.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddClusterStore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task WithoutAConnectionStringTheEmbeddedStoreIsUsed()
    {
        var path = Path.Combine(Path.GetTempPath(), "coderun-sqlite-tests", Guid.NewGuid().ToString("N"), "coderun.db");
        await using var services = Build(new() { ["Store:EmbeddedPath"] = path });

        var store = services.GetRequiredService<IClusterStore>();

        Assert.IsType<SqliteClusterStore>(store);
        Assert.Same(store, services.GetRequiredService<IClusterStore>());
        Assert.Empty(await store.ListSilosAsync(CancellationToken.None));
        Assert.True(File.Exists(path));
        await services.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public async Task WithAConnectionStringThePostgreSqlStoreIsUsed()
    {
        await using var services = Build(new() { ["Store:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody" });

        Assert.IsType<PostgreSqlClusterStore>(services.GetRequiredService<IClusterStore>());
    }

    [Fact]
    public void TheDefaultsAreTheEmbeddedFileOfTheDefaultCluster()
    {
        var options = new StoreOptions();

        Assert.Equal(("", "data/coderun.db", "default"), (options.ConnectionString, options.EmbeddedPath, options.ClusterId));
    }

    [Theory]
    [InlineData("Store:ClusterId", "", "Store:ClusterId")]
    [InlineData("Store:ConnectionString", "Host=x;NoSuchSetting=1", "Store:ConnectionString")]
    [InlineData("Store:EmbeddedPath", "", "Store:EmbeddedPath")]
    public async Task ABadSettingFailsWithItsName(string key, string value, string named)
    {
        await using var services = Build(new() { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StoreOptions>>().Value);

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
