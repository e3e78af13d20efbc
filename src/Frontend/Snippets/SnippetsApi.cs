using CodeRunner.Frontend.Auth;
using CodeRunner.Storage;
using CodeRunner.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Snippets;

/// <summary>
/// <c>/api/v1/snippets</c>: the playground's shareable code. A snippet is stored in the cluster
/// store, immutable, and read by its random id; sharing the same code twice makes two snippets
/// (no lookup by content, so an id reveals nothing about other snippets). The same keys and rate
/// limits apply as everywhere under <c>/api</c>.
/// </summary>
public static class SnippetsApi
{
    /// <summary>Draws of a new id when the first is taken: with 71 bits, a second draw already never happens.</summary>
    private const int IdAttempts = 3;

    public static IServiceCollection AddSnippets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SnippetOptions>().Bind(configuration.GetSection(SnippetOptions.SectionName))
            .Validate(o => o is { MaxFiles: > 0, MaxSourceBytes: > 0, MaxStdinBytes: >= 0 }, "Snippets:MaxFiles and Snippets:MaxSourceBytes must be positive, Snippets:MaxStdinBytes not negative.")
            .ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapSnippetsApi(this IEndpointRouteBuilder app)
    {
        var snippets = app.MapGroup("/api/v1/snippets").WithTags("Snippets");
        snippets.MapPost("/", Create).WithName("CreateSnippet").WithSummary("Stores a snippet and answers its id and playground link.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        snippets.MapGet("/{id}", Get).WithName("GetSnippet").WithSummary("A stored snippet.");
        return app;
    }

    private static async Task<Results<Created<SnippetLink>, ProblemHttpResult>> Create(
        SnippetBody body, HttpContext http, IClusterStore store, IClusterClient cluster, IOptions<SnippetOptions> options, CancellationToken ct)
    {
        var snippet = body.ToSnippet(SnippetIds.New(), await cluster.GetLanguagesAsync(ct), options.Value, Caller.Of(http)?.Name);
        for (var attempt = 1; attempt <= IdAttempts; attempt++, snippet = snippet with { Id = SnippetIds.New() })
        {
            if (await store.AddSnippetAsync(snippet, ct) is { } stored)
                return TypedResults.Created($"/api/v1/snippets/{stored.Id}", new SnippetLink(stored.Id, PlaygroundUrl(http, stored.Id)));
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No free snippet id", detail: "Try again.");
    }

    private static async Task<Results<Ok<SnippetDocument>, ProblemHttpResult>> Get(string id, HttpContext http, IClusterStore store, CancellationToken ct) =>
        SnippetIds.IsWellFormed(id) && await store.GetSnippetAsync(id, ct) is { } snippet
            ? TypedResults.Ok(SnippetDocument.From(snippet, PlaygroundUrl(http, snippet.Id)))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown snippet", detail: $"No snippet has the id '{id}'.");

    /// <summary>The playground page with the snippet open, as this request reached the service (the page itself builds links relative to where it is served).</summary>
    private static string PlaygroundUrl(HttpContext http, string id) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/?s={id}";
}
