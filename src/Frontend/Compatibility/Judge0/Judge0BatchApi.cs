using System.Text;
using System.Text.Json.Nodes;
using CodeRunner.Frontend.Hosting;
using CodeRunner.Runs;
using CodeRunner.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>
/// Judge0's batches. Unlike our all-or-none <c>/api/v1/submissions/batch</c>, Judge0 accepts the
/// valid items of a batch and answers each invalid one with its errors in place, so that is what
/// this does.
/// </summary>
internal static class Judge0BatchApi
{
    public static async Task<IResult> Create(
        HttpRequest http, [FromQuery(Name = "base64_encoded")] string? base64Encoded,
        IClusterClient cluster, IOptions<FrontendOptions> options, CancellationToken ct)
    {
        var (body, error) = await Judge0Json.ReadAsync<Judge0BatchRequest>(http, ct);
        if (error is not null)
            return Judge0Json.Error(StatusCodes.Status400BadRequest, error);
        var items = body?.Submissions ?? [];
        if (SizeRefused(items.Count, options.Value.MaxBatchSize) is { } refused)
            return refused;

        var base64 = Judge0Json.IsTrue(base64Encoded);
        var languages = await cluster.GetLanguagesAsync(ct);
        var answers = new object?[items.Count];
        var valid = new List<(int Index, SubmissionRequest Request)>();
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                valid.Add((i, Auth.Caller.Apply(http.HttpContext, Judge0Requests.ToRequest(items[i], base64, languages))));
            }
            catch (RunRequestException e)
            {
                answers[i] = Judge0Json.ErrorsOf(e);
            }
        }
        if (valid.Count > 0)
            await Submit(valid, answers, cluster, ct);
        var anyAccepted = answers.Any(a => a is Judge0Token);
        return Judge0Json.Json(answers, anyAccepted ? StatusCodes.Status201Created : StatusCodes.Status422UnprocessableEntity);
    }

    public static async Task<IResult> Get(
        HttpRequest http, string? tokens, [FromQuery(Name = "base64_encoded")] string? base64Encoded, string? fields,
        IClusterClient cluster, IOptions<FrontendOptions> options, CancellationToken ct)
    {
        var selection = Judge0Fields.Parse(fields);
        if (selection.Invalid.Count > 0)
            return Judge0Api.InvalidFields(selection);
        // Judge0 also reads the list from a "tokens" header, for lists too long for a URL.
        var list = (tokens ?? http.Headers["tokens"].ToString()).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (SizeRefused(list.Length, options.Value.MaxBatchSize) is { } refused)
            return refused;
        var base64 = Judge0Json.IsTrue(base64Encoded);
        var languages = await cluster.GetLanguagesAsync(ct);
        var submissions = new List<JsonObject?>();
        try
        {
            foreach (var token in list)
            {
                submissions.Add(Guid.TryParse(token, out var id) && await cluster.GetAsync(id, ct) is { } submission
                    ? selection.Select(Judge0Submissions.From(submission, base64, languages), Judge0Json.Options)
                    : null);
            }
        }
        catch (DecoderFallbackException)
        {
            return Judge0Json.Error(StatusCodes.Status400BadRequest, Judge0Json.NotUtf8Batch);
        }
        return Judge0Json.Json(new { submissions });
    }

    /// <summary>All valid items at once; when the cluster refuses the batch (nothing was accepted), one by one, so each refusal lands on its own item.</summary>
    private static async Task Submit(List<(int Index, SubmissionRequest Request)> valid, object?[] answers, IClusterClient cluster, CancellationToken ct)
    {
        try
        {
            var accepted = await cluster.SubmitBatchAsync(valid.Select(v => v.Request).ToList(), ct);
            for (var i = 0; i < valid.Count; i++)
                answers[valid[i].Index] = new Judge0Token(accepted[i].Id.ToString());
            return;
        }
        catch (RunRequestException)
        {
        }
        foreach (var (index, request) in valid)
        {
            try
            {
                answers[index] = new Judge0Token((await cluster.SubmitAsync(request, ct)).Id.ToString());
            }
            catch (RunRequestException e)
            {
                answers[index] = Judge0Json.ErrorsOf(e);
            }
        }
    }

    private static IResult? SizeRefused(int count, int max) => count switch
    {
        0 => Judge0Json.Error(StatusCodes.Status400BadRequest, "there should be at least one submission in a batch"),
        _ when count > max => Judge0Json.Error(StatusCodes.Status400BadRequest, $"number of submissions in a batch should be less than or equal to {max}"),
        _ => null,
    };
}
