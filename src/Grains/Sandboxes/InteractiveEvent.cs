using CodeRunner.Sandboxes.Launcher;

namespace CodeRunner.Sandboxes;

/// <summary>
/// What an interactive program produced next: output of one stream, or its end (<see cref="Result"/>
/// set, the last event). In tty mode all output is <see cref="InteractiveStream.Stdout"/>.
/// </summary>
public sealed record InteractiveEvent(InteractiveStream Stream, byte[] Data, ExecResult? Result = null);
