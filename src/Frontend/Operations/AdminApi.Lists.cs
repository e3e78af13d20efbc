using CodeRunner.Frontend.Operations.Views;
using CodeRunner.Silo.Logs;
using CodeRunner.Silo.Operations;
using CodeRunner.Storage;
using CodeRunner.Submissions;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Operations;

// The lists paged on the server: sandboxes (from every silo), submissions (from the store), logs (merged).
public static partial class AdminApi
{
    private static async Task<IResult> Sandboxes(
        SiloFanOut silos, IOptions<OperationsOptions> options, CancellationToken ct,
        string? language = null, string? silo = null, string? state = null, int offset = 0, int limit = 50)
    {
        if (PagingProblem(offset, limit, options.Value) is { } problem)
            return problem;
        var (all, unreachable) = await silos.GetAllAsync<SandboxInfo>("internal/v1/sandboxes", ct);
        var matching = all
            .Where(s => language is null || s.Language == language)
            .Where(s => silo is null || s.SiloName == silo)
            .Where(s => state is null || string.Equals(s.State, state, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.SiloName, StringComparer.Ordinal).ThenBy(s => s.Language, StringComparer.Ordinal).ThenBy(s => s.CreatedAt)
            .ToList();
        return TypedResults.Ok(new Page<SandboxInfo>([.. matching.Skip(offset).Take(limit)], matching.Count, offset, limit, unreachable));
    }

    private static async Task<IResult> Submissions(
        IClusterStore store, IOptions<OperationsOptions> options, CancellationToken ct,
        string? language = null, string? verdict = null, string? silo = null, string? status = null, int offset = 0, int limit = 50)
    {
        if (PagingProblem(offset, limit, options.Value) is { } problem)
            return problem;
        SubmissionStatus? parsed = null;
        if (status is not null)
        {
            if (!Enum.TryParse<SubmissionStatus>(status, ignoreCase: true, out var value) || !Enum.IsDefined(value))
                return Invalid("status", "must be Queued, Running or Completed.");
            parsed = value;
        }
        if (verdict is not null && !Enum.TryParse<CodeRunner.Runs.Verdict>(verdict, ignoreCase: true, out _))
            return Invalid("verdict", $"must be one of {string.Join(", ", Enum.GetNames<CodeRunner.Runs.Verdict>())}.");
        var canonicalVerdict = verdict is null ? null : Enum.Parse<CodeRunner.Runs.Verdict>(verdict, ignoreCase: true).ToString();
        var page = await store.ListSubmissionsAsync(new SubmissionQuery(language, canonicalVerdict, silo, parsed, offset, limit), ct);
        return TypedResults.Ok(new Page<SubmissionRow>([.. page.Items.Select(SubmissionRow.From)], page.Total, offset, limit));
    }

    /// <summary>This frontend's log entries and every live silo's, merged, newest first.</summary>
    private static async Task<IResult> Logs(
        LogRing ring, SiloFanOut silos, IOptions<OperationsOptions> options, CancellationToken ct,
        string? text = null, string? level = null, string? source = null, DateTimeOffset? since = null, int limit = 200)
    {
        if (PagingProblem(0, limit, options.Value) is { } problem)
            return problem;
        LogLevel? minimum = null;
        if (level is not null)
        {
            if (!Enum.TryParse<LogLevel>(level, ignoreCase: true, out var parsed) || parsed == LogLevel.None)
                return Invalid("level", "must be Trace, Debug, Information, Warning, Error or Critical.");
            minimum = parsed;
        }
        var (remote, unreachable) = await silos.GetAllAsync<LogEntry>($"internal/v1/logs?limit={OperationsApi.MaxLogEntries}", ct);
        var entries = ring.Read(0, OperationsApi.MaxLogEntries)
            .Concat(remote.Where(e => e.Source != ring.Source)) // a frontend that hosts a silo shares its ring
            .Where(e => minimum is null || Enum.Parse<LogLevel>(e.Level) >= minimum)
            .Where(e => source is null || e.Source == source)
            .Where(e => since is null || e.At > since)
            .Where(e => text is null || e.Message.Contains(text, StringComparison.OrdinalIgnoreCase) || e.Category.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Seq)
            .ToList();
        return TypedResults.Ok(new Page<LogEntry>([.. entries.Take(limit)], entries.Count, 0, limit, unreachable));
    }
}
