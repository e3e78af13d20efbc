using CodeRunner.Submissions;

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

    private static async Task<IResult> List(IClusterClient cluster, CancellationToken ct) =>
        TypedResults.Ok(await cluster.GetLanguagesAsync(ct));

    private static async Task<IResult> Get(string id, IClusterClient cluster, CancellationToken ct) =>
        LanguageNames.Find(await cluster.GetLanguagesAsync(ct), id) is { } language
            ? TypedResults.Ok(language)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown language", detail: $"No language '{id}'.");
}
