using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRunner.Storage.Sqlite;

/// <summary>
/// The embedded store of a single node: one SQLite file in WAL mode, created with its directory at
/// first use, and in-process notifications. It serves one process, so one connection behind one
/// async lock serializes the work; each unit still runs in a BEGIN IMMEDIATE transaction, so a
/// second process opening the same file by mistake waits for the lock instead of corrupting
/// state. The store's clock is this machine's UTC clock (<see cref="TimeProvider"/>).
/// The members are grouped by concern in the partial files next to this one.
/// </summary>
public sealed partial class SqliteClusterStore : IClusterStore, IAsyncDisposable
{
    private readonly string _path;
    private readonly string _clusterId;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly InProcessNotifier _notifier;
    private SqliteConnection? _connection;
    private bool _disposed;

    public SqliteClusterStore(IOptions<StoreOptions> options, ILogger<SqliteClusterStore> logger, TimeProvider? time = null)
    {
        var o = options.Value;
        _path = Path.GetFullPath(o.EmbeddedPath);
        _clusterId = o.ClusterId;
        _time = time ?? TimeProvider.System;
        _logger = logger;
        _notifier = new InProcessNotifier(logger);
    }

    public async ValueTask DisposeAsync()
    {
        await _notifier.DisposeAllAsync();
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            // Closing the last connection checkpoints the WAL into the database file.
            _connection?.Dispose();
            _connection = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>
    /// Runs one unit of work in an IMMEDIATE transaction under the store's lock, then publishes the
    /// notifications it queued: only after the commit, as PostgreSQL's NOTIFY is delivered.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<SqliteTransaction, List<InProcessNotification>, T> work, CancellationToken ct)
    {
        var notifications = new List<InProcessNotification>();
        T result;
        await _gate.WaitAsync(ct);
        try
        {
            using var transaction = Open().BeginTransaction(deferred: false);
            result = work(transaction, notifications);
            transaction.Commit();
        }
        finally
        {
            _gate.Release();
        }
        foreach (var notification in notifications)
            _notifier.Publish(notification);
        return result;
    }

    private SqliteConnection Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_connection is not null)
            return _connection;

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            connection.Open();
            using (var pragmas = connection.CreateCommand())
            {
                // WAL: readers never block the writer. synchronous=FULL: an accepted submission
                // survives a power cut too, not only a crash of the process ("nothing accepted is lost").
                pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
                pragmas.ExecuteNonQuery();
            }
            SqliteMigrator.Apply(connection, _logger);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        StorageLog.EmbeddedStoreOpened(_logger, _path, _clusterId);
        return _connection = connection;
    }

    /// <summary>A command in the transaction with <c>$cluster</c> bound: every statement is scoped to this store's cluster.</summary>
    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$cluster", _clusterId);
        return command;
    }

    private void AddEvent(SqliteTransaction transaction, Guid id, SubmissionEventKind kind, string? siloId, long epoch, string? detail)
    {
        using var command = Command(transaction,
            """
            INSERT INTO submission_events (cluster_id, submission_id, kind, silo_id, epoch, at, detail)
            VALUES ($cluster, $id, $kind, $silo, $epoch, $at, $detail)
            """);
        command.Parameters.AddWithValue("$id", id.ToString());
        command.Parameters.AddWithValue("$kind", kind.ToString());
        command.Parameters.AddWithValue("$silo", (object?)siloId ?? DBNull.Value);
        command.Parameters.AddWithValue("$epoch", epoch);
        command.Parameters.AddWithValue("$at", SqliteRows.Ticks(Now));
        command.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        command.ExecuteNonQuery();
    }
}
