using CodeRunner.Runs;
using Npgsql;
using NpgsqlTypes;

namespace CodeRunner.Storage.PostgreSql;

// Snippets: the playground's shared code, immutable, read by id.
public sealed partial class PostgreSqlClusterStore
{
    private const string SnippetColumns = "id, language, files, stdin, creator, created_at";

    public Task<SnippetRecord?> AddSnippetAsync(NewSnippet snippet, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        return RunAsync(async (connection, token) =>
        {
            // DO NOTHING: a taken id keeps its snippet; the caller sees null and draws another id.
            await using var insert = Command(
                $"""
                INSERT INTO snippets (cluster_id, id, language, files, stdin, creator, created_at)
                VALUES (@cluster, @id, @language, @files, @stdin, @creator, now())
                ON CONFLICT DO NOTHING
                RETURNING {SnippetColumns}
                """, connection);
            insert.Parameters.AddWithValue("id", snippet.Id);
            insert.Parameters.AddWithValue("language", snippet.Language);
            insert.Parameters.AddWithValue("files", StoreJson.Serialize(snippet.Files));
            insert.Parameters.AddWithValue("stdin", NpgsqlDbType.Text, snippet.Stdin is null ? DBNull.Value : StoreJson.Serialize(snippet.Stdin));
            insert.Parameters.AddWithValue("creator", NpgsqlDbType.Text, (object?)snippet.Creator ?? DBNull.Value);
            return (await PostgreSqlRows.ReadAllAsync(insert, Snippet, token)).SingleOrDefault();
        }, ct);
    }

    public Task<SnippetRecord?> GetSnippetAsync(string id, CancellationToken ct) =>
        RunAsync(async (connection, token) =>
        {
            await using var select = Command($"SELECT {SnippetColumns} FROM snippets WHERE cluster_id = @cluster AND id = @id", connection);
            select.Parameters.AddWithValue("id", id);
            return (await PostgreSqlRows.ReadAllAsync(select, Snippet, token)).SingleOrDefault();
        }, ct);

    private static SnippetRecord Snippet(NpgsqlDataReader r) => new(
        Id: r.GetString(0),
        Language: r.GetString(1),
        Files: StoreJson.Deserialize<List<SourceFile>>(r.GetString(2)),
        Stdin: r.IsDBNull(3) ? null : StoreJson.Deserialize<string>(r.GetString(3)),
        Creator: r.IsDBNull(4) ? null : r.GetString(4),
        CreatedAt: r.GetFieldValue<DateTimeOffset>(5));
}
