using System.Text;
using CodeRunner.Frontend.Hosting;
using CodeRunner.Runs;
using CodeRunner.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>
/// A Judge0 CE-compatible surface at the root (<c>/submissions</c>, <c>/languages</c>, <c>/statuses</c>),
/// so an existing Judge0 client works unchanged; docs/compatibility.md says what maps to what.
/// </summary>
public static class Judge0Api
{
    public static IEndpointRouteBuilder MapJudge0Api(this IEndpointRouteBuilder app)
    {
        var judge0 = app.MapGroup("").WithTags("Judge0 compatibility");
        judge0.MapPost("/submissions", Create);
        judge0.MapPost("/submissions/batch", Judge0BatchApi.Create);
        judge0.MapGet("/submissions/batch", Judge0BatchApi.Get);
        judge0.MapGet("/submissions/{token}", Get);
        judge0.MapGet("/languages", Languages);
        judge0.MapGet("/languages/{id:int}", Language);
        judge0.MapGet("/statuses", () => Judge0Json.Json(Judge0Statuses.All));
        return app;
    }

    /// <summary>201 with the token; with <c>wait=true</c>, 201 with the submission once finished (or as it is after <see cref="FrontendOptions.MaxWait"/>).</summary>
    private static async Task<IResult> Create(
        HttpRequest http, [FromQuery(Name = "base64_encoded")] string? base64Encoded, string? wait, string? fields,
        IClusterClient cluster, IOptions<FrontendOptions> options, CancellationToken ct)
    {
        var base64 = Judge0Json.IsTrue(base64Encoded);
        var selection = Judge0Fields.Parse(fields);
        if (selection.Invalid.Count > 0)
            return InvalidFields(selection);
        var (body, error) = await Judge0Json.ReadAsync<Judge0SubmissionRequest>(http, ct);
        if (error is not null)
            return Judge0Json.Error(StatusCodes.Status400BadRequest, error);
        var languages = await cluster.GetLanguagesAsync(ct);
        Submission submission;
        try
        {
            submission = await cluster.SubmitAsync(Auth.Caller.Apply(http.HttpContext, Judge0Requests.ToRequest(body, base64, languages)), ct);
        }
        catch (RunRequestException e)
        {
            return Judge0Json.Refused(e);
        }
        if (!Judge0Json.IsTrue(wait))
            return Judge0Json.Json(new Judge0Token(submission.Id.ToString()), StatusCodes.Status201Created);
        submission = await cluster.WaitAsync(submission.Id, options.Value.MaxWait, ct) ?? submission;
        try
        {
            return Judge0Json.Json(selection.Select(Judge0Submissions.From(submission, base64, languages), Judge0Json.Options), StatusCodes.Status201Created);
        }
        catch (DecoderFallbackException)
        {
            return Judge0Json.Error(StatusCodes.Status201Created, Judge0Json.NotUtf8, submission.Id.ToString());
        }
    }

    private static async Task<IResult> Get(
        string token, [FromQuery(Name = "base64_encoded")] string? base64Encoded, string? fields, IClusterClient cluster, CancellationToken ct)
    {
        var selection = Judge0Fields.Parse(fields);
        if (selection.Invalid.Count > 0)
            return InvalidFields(selection);
        if (!Guid.TryParse(token, out var id) || await cluster.GetAsync(id, ct) is not { } submission)
            return Judge0Json.Error(StatusCodes.Status404NotFound, "record not found");
        try
        {
            return Judge0Json.Json(selection.Select(Judge0Submissions.From(submission, Judge0Json.IsTrue(base64Encoded), await cluster.GetLanguagesAsync(ct)), Judge0Json.Options));
        }
        catch (DecoderFallbackException)
        {
            return Judge0Json.Error(StatusCodes.Status400BadRequest, Judge0Json.NotUtf8);
        }
    }

    private static async Task<IResult> Languages(IClusterClient cluster, CancellationToken ct) =>
        Judge0Json.Json((await cluster.GetLanguagesAsync(ct))
            .Select(l => new Judge0Language(Judge0LanguageIds.IdOf(l.Id), Judge0LanguageIds.NameOf(l)))
            .OrderBy(l => l.Id)
            .ToList());

    private static async Task<IResult> Language(int id, IClusterClient cluster, CancellationToken ct) =>
        Judge0LanguageIds.Find(await cluster.GetLanguagesAsync(ct), id) is { } language
            ? Judge0Json.Json(new Judge0LanguageDetails(id, Judge0LanguageIds.NameOf(language), false, language.SourceFile))
            : Judge0Json.Error(StatusCodes.Status404NotFound, "record not found");

    internal static IResult InvalidFields(Judge0Fields selection) =>
        Judge0Json.Error(StatusCodes.Status400BadRequest, $"invalid fields: [{string.Join(", ", selection.Invalid)}]");
}
