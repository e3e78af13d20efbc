using CodeRunner.Runs;
using Microsoft.Data.Sqlite;

namespace CodeRunner.Storage.Sqlite;

// Snippets: the playground's shared code, immutable, read by id.
public sealed partial class SqliteClusterStore
{
    private const string SnippetColumns = "id, language, files, stdin, creator, created_at";

    public Task<SnippetRecord?> AddSnippetAsync(NewSnippet snippet, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        return RunAsync((transaction, _) =>
        {
            // DO NOTHING: a taken id keeps its snippet; the caller sees null and draws another id.
            using var insert = Command(transaction,
                $"""
                INSERT INTO snippets (cluster_id, id, language, files, stdin, creator, created_at)
                VALUES ($cluster, $id, $language, $files, $stdin, $creator, $now)
                ON CONFLICT DO NOTHING
                RETURNING {SnippetColumns}
                """);
            insert.Parameters.AddWithValue("$id", snippet.Id);
            insert.Parameters.AddWithValue("$language", snippet.Language);
            insert.Parameters.AddWithValue("$files", StoreJson.Serialize(snippet.Files));
            insert.Parameters.AddWithValue("$stdin", snippet.Stdin is null ? DBNull.Value : StoreJson.Serialize(snippet.Stdin));
            insert.Parameters.AddWithValue("$creator", (object?)snippet.Creator ?? DBNull.Value);
            insert.Parameters.AddWithValue("$now", SqliteRows.Ticks(Now));
            return SqliteRows.ReadAll(insert, Snippet).SingleOrDefault();
        }, ct);
    }

    public Task<SnippetRecord?> GetSnippetAsync(string id, CancellationToken ct) =>
        RunAsync((transaction, _) =>
        {
            using var select = Command(transaction, $"SELECT {SnippetColumns} FROM snippets WHERE cluster_id = $cluster AND id = $id");
            select.Parameters.AddWithValue("$id", id);
            return SqliteRows.ReadAll(select, Snippet).SingleOrDefault();
        }, ct);

    private static SnippetRecord Snippet(SqliteDataReader r) => new(
        Id: r.GetString(0),
        Language: r.GetString(1),
        Files: StoreJson.Deserialize<List<SourceFile>>(r.GetString(2)),
        Stdin: r.IsDBNull(3) ? null : StoreJson.Deserialize<string>(r.GetString(3)),
        Creator: r.IsDBNull(4) ? null : r.GetString(4),
        CreatedAt: SqliteRows.Time(r.GetInt64(5)));
}
