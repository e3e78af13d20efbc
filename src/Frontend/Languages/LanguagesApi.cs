using CodeRunner.Languages;
using CodeRunner.Sandboxes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeRunner.Frontend.Languages;

public static class LanguagesApi
{
    public static IEndpointRouteBuilder MapLanguagesApi(this IEndpointRouteBuilder app)
    {
        var languages = app.MapGroup("/api/v1/languages").WithTags("Languages");
        languages.MapGet("/", List);
        languages.MapGet("/{id}", Get);
        return app;
    }

    private static async Task<Ok<IEnumerable<LanguageInfo>>> List(SandboxPools pools, CancellationToken ct)
    {
        await pools.Ready.WaitAsync(ct);
        return TypedResults.Ok(pools.Catalog.All.Select(l => l.ToInfo()));
    }

    private static async Task<Results<Ok<LanguageInfo>, ProblemHttpResult>> Get(string id, SandboxPools pools, CancellationToken ct)
    {
        await pools.Ready.WaitAsync(ct);
        return pools.Catalog.Find(id) is { } language
            ? TypedResults.Ok(language.ToInfo())
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown language", detail: $"No language '{id}'.");
    }
}
