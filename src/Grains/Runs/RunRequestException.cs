namespace CodeRunner.Runs;

/// <summary>What is wrong with a run request, by field; the HTTP edge turns it into a 4xx problem.</summary>
public sealed class RunRequestException(RunRequestProblem problem, IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public RunRequestProblem Problem { get; } = problem;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RunRequestException For(RunRequestProblem problem, string field, string message) =>
        new(problem, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The kind of problem, which decides the status code.</summary>
public enum RunRequestProblem
{
    /// <summary>Malformed: 400.</summary>
    Invalid,
    /// <summary>Larger than allowed: 413.</summary>
    TooLarge,
    /// <summary>Well-formed but not servable (unknown language, limits above maxima): 422.</summary>
    Unprocessable,
}
