using System.Net;

namespace CodeRunner.Docker;

/// <summary>The engine answered a call with an error status.</summary>
public sealed class DockerApiException(HttpStatusCode status, string operation, string message)
    : Exception($"Docker {operation} failed with {(int)status}: {message}")
{
    /// <summary>The HTTP status the engine answered with.</summary>
    public HttpStatusCode Status { get; } = status;
}
