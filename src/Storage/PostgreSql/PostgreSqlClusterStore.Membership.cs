using NpgsqlTypes;

namespace CodeRunner.Storage.PostgreSql;

// Membership: Orleans' membership table, with the database's clock as the only clock.
public sealed partial class PostgreSqlClusterStore
{
    public Task JoinAsync(SiloRegistration silo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return RunAsync(async (connection, token) =>
        {
            // A repeated join of a silo that is still Active is a retry and refreshes it; a silo that
            // was declared dead or left stays so: its id is never reused.
            await using var command = Command(
                """
                INSERT INTO silos (cluster_id, silo_id, silo_name, address, status, started_at, heartbeat_at, load)
                VALUES (@cluster, @silo, @name, @address, 'Active', now(), now(), @load)
                ON CONFLICT (cluster_id, silo_id) DO UPDATE
                    SET silo_name = excluded.silo_name, address = excluded.address, heartbeat_at = now()
                    WHERE silos.status = 'Active'
                """, connection);
            command.Parameters.AddWithValue("silo", silo.SiloId);
            command.Parameters.AddWithValue("name", silo.SiloName);
            command.Parameters.AddWithValue("address", silo.Address);
            command.Parameters.AddWithValue("load", NpgsqlDbType.Jsonb, StoreJson.Serialize(SiloLoad.Empty));
            if (await command.ExecuteNonQueryAsync(token) == 0)
                throw new InvalidOperationException($"Silo id '{silo.SiloId}' was used by a silo that is no longer active; a silo id is never reused.");
            return true;
        }, ct);
    }

    public Task<bool> HeartbeatAsync(string siloId, SiloLoad load, CancellationToken ct) =>
        RunAsync(async (connection, token) =>
        {
            // A silo that is shutting down still heartbeats while it drains; only Dead and Left are final.
            await using var command = Command(
                """
                UPDATE silos SET heartbeat_at = now(), load = @load
                WHERE cluster_id = @cluster AND silo_id = @silo AND status IN ('Active', 'ShuttingDown')
                """, connection);
            command.Parameters.AddWithValue("silo", siloId);
            command.Parameters.AddWithValue("load", NpgsqlDbType.Jsonb, StoreJson.Serialize(load));
            return await command.ExecuteNonQueryAsync(token) == 1;
        }, ct);

    public Task<IReadOnlyList<SiloRecord>> ListSilosAsync(CancellationToken ct) =>
        RunAsync<IReadOnlyList<SiloRecord>>(async (connection, token) =>
        {
            await using var command = Command(
                $"SELECT {PostgreSqlRows.SiloColumns} FROM silos WHERE cluster_id = @cluster ORDER BY started_at, silo_id", connection);
            return await PostgreSqlRows.ReadAllAsync(command, PostgreSqlRows.Silo, token);
        }, ct);

    public Task<bool> DeclareDeadAsync(string siloId, TimeSpan missedFor, CancellationToken ct) =>
        RunAsync(async (connection, token) =>
        {
            // The row lock makes this a compare-and-set: concurrent callers queue on the row, and each
            // one after the first re-reads it, finds it Dead, and updates nothing.
            await using var command = Command(
                """
                UPDATE silos SET status = 'Dead'
                WHERE cluster_id = @cluster AND silo_id = @silo AND status IN ('Active', 'ShuttingDown')
                  AND heartbeat_at < now() - @missed
                """, connection);
            command.Parameters.AddWithValue("silo", siloId);
            command.Parameters.AddWithValue("missed", missedFor);
            return await command.ExecuteNonQueryAsync(token) == 1;
        }, ct);

    public Task<bool> SetStatusAsync(string siloId, SiloStatus status, CancellationToken ct)
    {
        if (status is not (SiloStatus.ShuttingDown or SiloStatus.Left))
            throw new ArgumentOutOfRangeException(nameof(status), status, "A silo moves itself to ShuttingDown or Left; Dead is declared by DeclareDeadAsync.");
        return RunAsync(async (connection, token) =>
        {
            await using var command = Command(
                """
                UPDATE silos SET status = @status
                WHERE cluster_id = @cluster AND silo_id = @silo AND status IN ('Active', 'ShuttingDown')
                """, connection);
            command.Parameters.AddWithValue("silo", siloId);
            command.Parameters.AddWithValue("status", status.ToString());
            return await command.ExecuteNonQueryAsync(token) == 1;
        }, ct);
    }
}
