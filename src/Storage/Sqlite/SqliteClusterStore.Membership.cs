namespace CodeRunner.Storage.Sqlite;

// Membership: Orleans' membership table, on this machine's clock.
public sealed partial class SqliteClusterStore
{
    public Task JoinAsync(SiloRegistration silo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return RunAsync((transaction, _) =>
        {
            // A repeated join of a silo that is still Active is a retry and refreshes it; a silo that
            // was declared dead or left stays so: its id is never reused.
            using var command = Command(transaction,
                """
                INSERT INTO silos (cluster_id, silo_id, silo_name, address, status, started_at, heartbeat_at, load)
                VALUES ($cluster, $silo, $name, $address, 'Active', $now, $now, $load)
                ON CONFLICT (cluster_id, silo_id) DO UPDATE
                    SET silo_name = excluded.silo_name, address = excluded.address, heartbeat_at = excluded.heartbeat_at
                    WHERE silos.status = 'Active'
                """);
            command.Parameters.AddWithValue("$silo", silo.SiloId);
            command.Parameters.AddWithValue("$name", silo.SiloName);
            command.Parameters.AddWithValue("$address", silo.Address);
            command.Parameters.AddWithValue("$now", SqliteRows.Ticks(Now));
            command.Parameters.AddWithValue("$load", StoreJson.Serialize(SiloLoad.Empty));
            if (command.ExecuteNonQuery() == 0)
                throw new InvalidOperationException($"Silo id '{silo.SiloId}' was used by a silo that is no longer active; a silo id is never reused.");
            return true;
        }, ct);
    }

    public Task<bool> HeartbeatAsync(string siloId, SiloLoad load, CancellationToken ct) =>
        RunAsync((transaction, _) =>
        {
            // A silo that is shutting down still heartbeats while it drains; only Dead and Left are final.
            using var command = Command(transaction,
                """
                UPDATE silos SET heartbeat_at = $now, load = $load
                WHERE cluster_id = $cluster AND silo_id = $silo AND status IN ('Active', 'ShuttingDown')
                """);
            command.Parameters.AddWithValue("$silo", siloId);
            command.Parameters.AddWithValue("$now", SqliteRows.Ticks(Now));
            command.Parameters.AddWithValue("$load", StoreJson.Serialize(load));
            return command.ExecuteNonQuery() == 1;
        }, ct);

    public Task<IReadOnlyList<SiloRecord>> ListSilosAsync(CancellationToken ct) =>
        RunAsync<IReadOnlyList<SiloRecord>>((transaction, _) =>
        {
            using var command = Command(transaction,
                $"SELECT {SqliteRows.SiloColumns} FROM silos WHERE cluster_id = $cluster ORDER BY started_at, silo_id");
            var now = Now;
            return SqliteRows.ReadAll(command, r => SqliteRows.Silo(r, now));
        }, ct);

    public Task<bool> DeclareDeadAsync(string siloId, TimeSpan missedFor, CancellationToken ct) =>
        RunAsync((transaction, _) =>
        {
            // Writers are serialized (the store's lock and the file's write lock): the first caller
            // flips the row, the others find it Dead.
            using var command = Command(transaction,
                """
                UPDATE silos SET status = 'Dead'
                WHERE cluster_id = $cluster AND silo_id = $silo AND status IN ('Active', 'ShuttingDown') AND heartbeat_at < $cutoff
                """);
            command.Parameters.AddWithValue("$silo", siloId);
            command.Parameters.AddWithValue("$cutoff", SqliteRows.Ticks(Now - missedFor));
            return command.ExecuteNonQuery() == 1;
        }, ct);

    public Task<bool> SetStatusAsync(string siloId, SiloStatus status, CancellationToken ct)
    {
        if (status is not (SiloStatus.ShuttingDown or SiloStatus.Left))
            throw new ArgumentOutOfRangeException(nameof(status), status, "A silo moves itself to ShuttingDown or Left; Dead is declared by DeclareDeadAsync.");
        return RunAsync((transaction, _) =>
        {
            using var command = Command(transaction,
                """
                UPDATE silos SET status = $status
                WHERE cluster_id = $cluster AND silo_id = $silo AND status IN ('Active', 'ShuttingDown')
                """);
            command.Parameters.AddWithValue("$silo", siloId);
            command.Parameters.AddWithValue("$status", status.ToString());
            return command.ExecuteNonQuery() == 1;
        }, ct);
    }
}
