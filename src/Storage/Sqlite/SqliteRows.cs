using CodeRunner.Runs;
using Microsoft.Data.Sqlite;

namespace CodeRunner.Storage.Sqlite;

/// <summary>The column lists that queries select, the records read from them, and the time format (UTC ticks).</summary>
internal static class SqliteRows
{
    public const string SubmissionColumns =
        "id, idempotency_key, language, priority, status, request, result, owner, epoch, attempts, cancel_requested, created_at, started_at, completed_at, submitter, callback_url, trace_parent";

    public const string SiloColumns = "silo_id, silo_name, address, status, started_at, heartbeat_at, load";

    public const string EventColumns = "submission_id, kind, silo_id, epoch, at, detail";

    public static SubmissionRecord Submission(SqliteDataReader r) => new(
        Id: Guid.Parse(r.GetString(0)),
        IdempotencyKey: r.IsDBNull(1) ? null : r.GetString(1),
        Language: r.GetString(2),
        Priority: r.GetInt32(3),
        Status: Enum.Parse<SubmissionStatus>(r.GetString(4)),
        Request: StoreJson.Deserialize<RunRequest>(r.GetString(5)),
        Result: r.IsDBNull(6) ? null : StoreJson.Deserialize<RunResult>(r.GetString(6)),
        Owner: r.IsDBNull(7) ? null : r.GetString(7),
        Epoch: r.GetInt64(8),
        Attempts: r.GetInt32(9),
        CancelRequested: r.GetInt64(10) != 0,
        CreatedAt: Time(r.GetInt64(11)),
        StartedAt: r.IsDBNull(12) ? null : Time(r.GetInt64(12)),
        CompletedAt: r.IsDBNull(13) ? null : Time(r.GetInt64(13)),
        Submitter: r.IsDBNull(14) ? null : r.GetString(14),
        CallbackUrl: r.IsDBNull(15) ? null : r.GetString(15),
        TraceParent: r.IsDBNull(16) ? null : r.GetString(16));

    /// <summary>A silo row, its heartbeat's age measured against <paramref name="now"/> (the store's clock).</summary>
    public static SiloRecord Silo(SqliteDataReader r, DateTimeOffset now)
    {
        var heartbeat = Time(r.GetInt64(5));
        return new SiloRecord(
            SiloId: r.GetString(0),
            SiloName: r.GetString(1),
            Address: r.GetString(2),
            Status: Enum.Parse<SiloStatus>(r.GetString(3)),
            StartedAt: Time(r.GetInt64(4)),
            HeartbeatAt: heartbeat,
            HeartbeatAge: now > heartbeat ? now - heartbeat : TimeSpan.Zero,
            Load: StoreJson.Deserialize<SiloLoad>(r.GetString(6)));
    }

    public static SubmissionEvent Event(SqliteDataReader r) => new(
        SubmissionId: Guid.Parse(r.GetString(0)),
        Kind: Enum.Parse<SubmissionEventKind>(r.GetString(1)),
        SiloId: r.IsDBNull(2) ? null : r.GetString(2),
        Epoch: r.GetInt64(3),
        At: Time(r.GetInt64(4)),
        Detail: r.IsDBNull(5) ? null : r.GetString(5));

    public static List<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        var rows = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    public static long Ticks(DateTimeOffset time) => time.UtcTicks;

    public static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);
}
