namespace CodeRunner.Frontend.Compatibility.Piston;

/// <summary>
/// One stage (compile or run) of a Piston answer. <c>output</c> is stdout then stderr (we keep
/// them apart, not interleaved); <c>signal</c> is a name such as <c>SIGKILL</c>; <c>status</c> is
/// null on success or one of Piston's two-letter codes (RE, SG, TO, OL, EL, XX).
/// </summary>
public sealed record PistonStage(
    string Stdout,
    string Stderr,
    string Output,
    int? Code,
    string? Signal,
    string? Message,
    string? Status,
    int? CpuTime,
    int? WallTime,
    long? Memory);
