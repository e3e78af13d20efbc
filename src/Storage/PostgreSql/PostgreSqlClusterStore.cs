using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CodeRunner.Storage.PostgreSql;

/// <summary>
/// The cluster store on PostgreSQL: one <see cref="NpgsqlDataSource"/>, the schema migrated at
/// first use, notifications over LISTEN/NOTIFY. The members are grouped by concern in the partial
/// files next to this one; every SQL statement sits next to the code that runs it.
/// </summary>
public sealed partial class PostgreSqlClusterStore : IClusterStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _clusterId;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _migrating = new(1, 1);
    private readonly ConcurrentDictionary<PostgreSqlSubscription, byte> _subscriptions = new();
    private volatile bool _migrated;

    public PostgreSqlClusterStore(IOptions<StoreOptions> options, ILogger<PostgreSqlClusterStore> logger)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.ConnectionString))
            throw new ArgumentException("Store:ConnectionString is required by the PostgreSQL store.", nameof(options));
        _dataSource = NpgsqlDataSource.Create(o.ConnectionString);
        _clusterId = o.ClusterId;
        _logger = logger;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions.Keys)
            await subscription.DisposeAsync();
        await _dataSource.DisposeAsync();
        _migrating.Dispose();
    }

    /// <summary>
    /// Runs one unit of work on a pooled connection. A pooled connection can be stale after a
    /// server restart; its first command then fails with "terminating connection" (57P01/57P02),
    /// and a session killed that way committed nothing, so the work is safely run once more on a
    /// fresh connection (Npgsql has cleared the pool by then).
    /// </summary>
    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        await EnsureMigratedAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(ct);
                return await work(connection, ct);
            }
            catch (PostgresException e) when (attempt == 1 && e.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown)
            {
                StorageLog.SessionLostRetrying(_logger, e.SqlState);
                _dataSource.Clear();
            }
        }
    }

    /// <summary>Runs one unit of work in a transaction, committed when the work returns (NOTIFYs sent in it are delivered only then).</summary>
    private Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken ct) =>
        RunAsync(async (connection, token) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(token);
            var result = await work(connection, transaction, token);
            await transaction.CommitAsync(token);
            return result;
        }, ct);

    private async Task EnsureMigratedAsync(CancellationToken ct)
    {
        if (_migrated)
            return;
        await _migrating.WaitAsync(ct);
        try
        {
            if (!_migrated)
            {
                await PostgreSqlMigrator.ApplyAsync(_dataSource, _logger, ct);
                _migrated = true;
            }
        }
        finally
        {
            _migrating.Release();
        }
    }

    /// <summary>A command with <c>@cluster</c> bound: every statement is scoped to this store's cluster.</summary>
    private NpgsqlCommand Command(string sql, NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("cluster", _clusterId);
        return command;
    }

    private static async Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string channel, string payload, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection, transaction);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("payload", payload);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task AddEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id,
        SubmissionEventKind kind, string? siloId, long epoch, string? detail, CancellationToken ct)
    {
        await using var command = Command(
            """
            INSERT INTO submission_events (cluster_id, submission_id, kind, silo_id, epoch, detail)
            VALUES (@cluster, @id, @kind, @silo, @epoch, @detail)
            """, connection, transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("kind", kind.ToString());
        command.Parameters.AddWithValue("silo", NpgsqlDbType.Text, (object?)siloId ?? DBNull.Value);
        command.Parameters.AddWithValue("epoch", epoch);
        command.Parameters.AddWithValue("detail", NpgsqlDbType.Text, (object?)detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
