using CodeRunner.Storage.PostgreSql;
using CodeRunner.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CodeRunner.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The cluster store: PostgreSQL when <c>Store:ConnectionString</c> is set, else the embedded
    /// file store. Its schema is migrated at first use; the PostgreSQL store migrates under an
    /// advisory lock, so any number of silos may start at once against one database.
    /// </summary>
    public static IServiceCollection AddClusterStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IClusterStore>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<StoreOptions>>().Value.ConnectionString)
                ? ActivatorUtilities.CreateInstance<SqliteClusterStore>(sp)
                : ActivatorUtilities.CreateInstance<PostgreSqlClusterStore>(sp));
        return services;
    }
}
