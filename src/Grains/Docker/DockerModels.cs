using System.Text.Json.Serialization;

namespace CodeRunner.Docker;

// The few Engine API shapes this system uses, named as the API names them
// (https://docs.docker.com/engine/api/v1.41/). Properties left null are not sent.

/// <summary>Body of <c>POST /containers/create</c>.</summary>
public sealed record ContainerCreateRequest
{
    public required string Image { get; init; }
    public IReadOnlyList<string>? Cmd { get; init; }
    public IReadOnlyList<string>? Env { get; init; }
    public string? User { get; init; }
    public string? WorkingDir { get; init; }
    public string? Hostname { get; init; }
    public bool AttachStdin { get; init; }
    public bool AttachStdout { get; init; }
    public bool AttachStderr { get; init; }
    public bool OpenStdin { get; init; }
    public bool StdinOnce { get; init; }
    public bool Tty { get; init; }
    public bool NetworkDisabled { get; init; }
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
    public required HostConfig HostConfig { get; init; }
}

/// <summary>The host-side settings of a container: limits, isolation, mounts.</summary>
public sealed record HostConfig
{
    public string? NetworkMode { get; init; }
    public bool ReadonlyRootfs { get; init; }
    public IReadOnlyList<string>? CapDrop { get; init; }
    public IReadOnlyList<string>? CapAdd { get; init; }
    public IReadOnlyList<string>? SecurityOpt { get; init; }
    public long Memory { get; init; }
    public long MemorySwap { get; init; }
    public long NanoCpus { get; init; }
    public long? PidsLimit { get; init; }
    public long ShmSize { get; init; }
    public IReadOnlyDictionary<string, string>? Tmpfs { get; init; }
    public IReadOnlyList<Ulimit>? Ulimits { get; init; }
    public string? Runtime { get; init; }
    public string? IpcMode { get; init; }
    public bool AutoRemove { get; init; }
    public bool Privileged { get; init; }
    public LogConfig? LogConfig { get; init; }
}

public sealed record Ulimit(string Name, long Soft, long Hard);

public sealed record LogConfig(string Type);

public sealed record ContainerCreateResponse(string Id, IReadOnlyList<string>? Warnings);

/// <summary>One row of <c>GET /containers/json</c>.</summary>
public sealed record ContainerSummary(
    string Id,
    IReadOnlyList<string>? Names,
    string? Image,
    string? State,
    IReadOnlyDictionary<string, string>? Labels);

/// <summary>The parts of <c>GET /containers/{id}/json</c> this system reads.</summary>
public sealed record ContainerInspect(string Id, ContainerState State, ContainerInspectHostConfig HostConfig);

public sealed record ContainerState(
    string Status,
    bool Running,
    bool OOMKilled,
    int ExitCode,
    string? Error);

public sealed record ContainerInspectHostConfig(string? Runtime, long Memory, long? PidsLimit);

/// <summary>The parts of <c>GET /images/{name}/json</c> this system reads.</summary>
public sealed record ImageInspect(string Id, ImageConfig? Config);

public sealed record ImageConfig([property: JsonPropertyName("Labels")] IReadOnlyDictionary<string, string>? Labels);

/// <summary>One JSON line of the <c>POST /build</c> progress stream.</summary>
internal sealed record BuildProgress(
    [property: JsonPropertyName("stream")] string? Stream,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("aux")] BuildAux? Aux);

internal sealed record BuildAux([property: JsonPropertyName("ID")] string? Id);
