namespace CodeRunner.Docker;

/// <summary>How the silo reaches its Docker engine.</summary>
public sealed class DockerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Docker";

    /// <summary>Path of the engine's unix socket. Default <c>/var/run/docker.sock</c>.</summary>
    public string SocketPath { get; set; } = "/var/run/docker.sock";

    /// <summary>Engine API version spoken; 1.41 is Docker 20.10, and newer engines still serve it. Default <c>1.41</c>.</summary>
    public string ApiVersion { get; set; } = "1.41";

    /// <summary>Deadline of one ordinary engine call (create, start, kill, remove, inspect). Default 30 s.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deadline of an image build. Default 30 min (toolchains are installed from Debian's archive).</summary>
    public TimeSpan BuildTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
