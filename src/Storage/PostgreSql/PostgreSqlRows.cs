using CodeRunner.Runs;
using Npgsql;

namespace CodeRunner.Storage.PostgreSql;

/// <summary>The column lists that queries select, and the records read from them, in that order.</summary>
internal static class PostgreSqlRows
{
    public const string SubmissionColumns =
        "id, idempotency_key, language, priority, status, request, result, owner, epoch, attempts, cancel_requested, created_at, started_at, completed_at, submitter, callback_url, trace_parent";

    /// <summary>The heartbeat's age is measured on the database's clock; a heartbeat newer than this statement's start counts as zero.</summary>
    public const string SiloColumns =
        "silo_id, silo_name, address, status, started_at, heartbeat_at, greatest(now() - heartbeat_at, interval '0'), load";

    public const string EventColumns = "submission_id, kind, silo_id, epoch, at, detail";

    public static SubmissionRecord Submission(NpgsqlDataReader r) => new(
        Id: r.GetGuid(0),
        IdempotencyKey: r.IsDBNull(1) ? null : r.GetString(1),
        Language: r.GetString(2),
        Priority: r.GetInt32(3),
        Status: Enum.Parse<SubmissionStatus>(r.GetString(4)),
        Request: StoreJson.Deserialize<RunRequest>(r.GetString(5)),
        Result: r.IsDBNull(6) ? null : StoreJson.Deserialize<RunResult>(r.GetString(6)),
        Owner: r.IsDBNull(7) ? null : r.GetString(7),
        Epoch: r.GetInt64(8),
        Attempts: r.GetInt32(9),
        CancelRequested: r.GetBoolean(10),
        CreatedAt: r.GetFieldValue<DateTimeOffset>(11),
        StartedAt: r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12),
        CompletedAt: r.IsDBNull(13) ? null : r.GetFieldValue<DateTimeOffset>(13),
        Submitter: r.IsDBNull(14) ? null : r.GetString(14),
        CallbackUrl: r.IsDBNull(15) ? null : r.GetString(15),
        TraceParent: r.IsDBNull(16) ? null : r.GetString(16));

    public static SiloRecord Silo(NpgsqlDataReader r) => new(
        SiloId: r.GetString(0),
        SiloName: r.GetString(1),
        Address: r.GetString(2),
        Status: Enum.Parse<SiloStatus>(r.GetString(3)),
        StartedAt: r.GetFieldValue<DateTimeOffset>(4),
        HeartbeatAt: r.GetFieldValue<DateTimeOffset>(5),
        HeartbeatAge: r.GetFieldValue<TimeSpan>(6),
        Load: StoreJson.Deserialize<SiloLoad>(r.GetString(7)));

    public static SubmissionEvent Event(NpgsqlDataReader r) => new(
        SubmissionId: r.GetGuid(0),
        Kind: Enum.Parse<SubmissionEventKind>(r.GetString(1)),
        SiloId: r.IsDBNull(2) ? null : r.GetString(2),
        Epoch: r.GetInt64(3),
        At: r.GetFieldValue<DateTimeOffset>(4),
        Detail: r.IsDBNull(5) ? null : r.GetString(5));

    public static async Task<List<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(read(reader));
        return rows;
    }
}
