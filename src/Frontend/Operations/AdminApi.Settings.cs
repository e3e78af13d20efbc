using System.Globalization;
using CodeRunner.Frontend.Operations.Views;
using CodeRunner.Storage;
using CodeRunner.Submissions;

namespace CodeRunner.Frontend.Operations;

// Operators' cluster-wide settings: warm pool sizes and maintenance mode.
public static partial class AdminApi
{
    private static async Task<IResult> Pools(IClusterStore store, CancellationToken ct) =>
        TypedResults.Ok(await PoolViewsAsync(store, ct));

    private static async Task<List<PoolView>> PoolViewsAsync(IClusterStore store, CancellationToken ct)
    {
        var settings = await store.GetSettingsAsync(ct);
        var loads = (await store.ListSilosAsync(ct)).Where(s => s.Status == SiloStatus.Active).SelectMany(s => s.Load.Languages).ToList();
        var languages = loads.Select(l => l.Key)
            .Concat(settings.Keys.Where(k => k.StartsWith(ClusterSettingKeys.PoolMinWarmPrefix, StringComparison.Ordinal)).Select(k => k[ClusterSettingKeys.PoolMinWarmPrefix.Length..]))
            .Distinct().Order(StringComparer.Ordinal);
        return
        [
            .. languages.Select(language => new PoolView(
                language,
                settings.TryGetValue(ClusterSettingKeys.PoolMinWarm(language), out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var minWarm) ? minWarm : null,
                loads.Where(l => l.Key == language).Select(l => l.Value.Max).DefaultIfEmpty(0).Max(),
                loads.Where(l => l.Key == language).Sum(l => l.Value.Warm),
                loads.Where(l => l.Key == language).Sum(l => l.Value.Busy))),
        ];
    }

    /// <summary>Sets a language's warm size for every silo; each applies it within one membership refresh.</summary>
    private static async Task<IResult> Resize(string language, PoolSizeRequest body, IClusterStore store, IClusterClient cluster, CancellationToken ct)
    {
        if (await LanguageProblemAsync(language, cluster, ct) is { } unknown)
            return unknown;
        if (body.MinWarm < 0)
            return Invalid("minWarm", "must be 0 or more.");
        var pool = (await PoolViewsAsync(store, ct)).FirstOrDefault(p => p.Language == language);
        if (pool is not { Max: > 0 })
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No silo serves the language",
                detail: $"No live silo has a pool for {language}; its maximum is unknown.");
        if (body.MinWarm > pool.Max)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Above the pool's maximum",
                detail: $"The warm size of {language} may be at most {pool.Max} (Sandboxes:MaxPerLanguage or Sandboxes:Pools:{language}:Max).",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["minWarm"] = [$"must be at most {pool.Max}."] } });
        await store.SetSettingAsync(ClusterSettingKeys.PoolMinWarm(language), body.MinWarm.ToString(CultureInfo.InvariantCulture), ct);
        return TypedResults.Ok(pool with { MinWarm = body.MinWarm });
    }

    private static async Task<IResult> ResetSize(string language, IClusterStore store, IClusterClient cluster, CancellationToken ct)
    {
        if (await LanguageProblemAsync(language, cluster, ct) is { } unknown)
            return unknown;
        await store.SetSettingAsync(ClusterSettingKeys.PoolMinWarm(language), null, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetMaintenance(MaintenanceState body, IClusterStore store, MaintenanceMode mode, CancellationToken ct)
    {
        if (body.Enabled && string.IsNullOrWhiteSpace(body.Message))
            return Invalid("message", "is required when enabling maintenance mode: callers are told it.");
        if (body.Message is { Length: > 500 })
            return Invalid("message", "must be at most 500 characters.");
        await store.SetSettingAsync(ClusterSettingKeys.Maintenance, body.Enabled ? body.Message!.Trim() : null, ct);
        mode.Invalidate();
        return TypedResults.Ok(body.Enabled ? body with { Message = body.Message!.Trim() } : new MaintenanceState(false, null));
    }

    private static async Task<IResult?> LanguageProblemAsync(string language, IClusterClient cluster, CancellationToken ct) =>
        (await cluster.GetLanguagesAsync(ct)).Any(l => l.Id == language)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown language", detail: $"No language has the id {language}.");
}
