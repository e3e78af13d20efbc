using System.Net;

namespace CodeRunner.Cli.Http;

/// <summary>The service answered with an error status; <see cref="Problem"/> is its body when it was a problem document.</summary>
public sealed class ServiceException(HttpStatusCode status, Problem? problem)
    : Exception(problem?.Detail ?? problem?.Title ?? $"the service answered {(int)status} {status}")
{
    public HttpStatusCode Status { get; } = status;

    public Problem? Problem { get; } = problem;
}
