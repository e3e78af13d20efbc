using System.Text.Json;
using System.Text.Json.Serialization;
using CodeRunner.Runs;

namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>Judge0's wire conventions: snake_case names, numbers that may arrive as strings ("language_id": "71"), and its error shapes.</summary>
internal static class Judge0Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        MaxDepth = 32,
    };

    /// <summary>The body, or the reason it is not JSON of the right shape (answered 400, as Rails answers a body it cannot parse).</summary>
    public static async Task<(T? Value, string? Error)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(request.Body, Options, ct), null);
        }
        catch (JsonException e)
        {
            return (default, $"the request body is not valid JSON for this endpoint: {e.Message}");
        }
    }

    public static IResult Json<T>(T value, int status = StatusCodes.Status200OK) => TypedResults.Json(value, Options, statusCode: status);

    public static IResult Error(int status, string error, string? token = null) => Json(new Judge0Error(error, token), status);

    /// <summary>A refused request as Judge0 answers validation: 422 (413 when too large) and <c>{"field": ["message"]}</c>.</summary>
    public static IResult Refused(RunRequestException e) =>
        Json(ErrorsOf(e), e.Problem == RunRequestProblem.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity);

    /// <summary>The refusal's errors keyed by Judge0's field names.</summary>
    public static Dictionary<string, string[]> ErrorsOf(RunRequestException e)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, messages) in e.Errors)
        {
            var key = Judge0Requests.FieldOf(field);
            errors[key] = [.. errors.GetValueOrDefault(key, []), .. messages];
        }
        return errors;
    }

    public static bool IsTrue(string? flag) => string.Equals(flag?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public const string NotUtf8 = "some attributes for this submission cannot be converted to UTF-8, use base64_encoded=true query parameter";

    public const string NotUtf8Batch = "some attributes for one or more submissions cannot be converted to UTF-8, use base64_encoded=true query parameter";
}
