using CodeRunner.Sandboxes.Launcher;

namespace CodeRunner.Sandboxes;

/// <summary>
/// A program the launcher runs while the host feeds its stdin, signals and window size, and reads
/// its output as it is produced (an interactive session). Made by
/// <see cref="SandboxGrain.StartInteractiveAsync"/>; ends with one <see cref="InteractiveStream.Done"/>
/// event. Sends may come from one task while another reads.
/// </summary>
public sealed class InteractiveExec
{
    private const int StdinChunk = 1 << 20;
    private readonly SandboxGrain _sandbox;
    private readonly LauncherConnection _launcher;
    private bool _done;

    internal InteractiveExec(SandboxGrain sandbox, LauncherConnection launcher, ExecCommand command)
    {
        _sandbox = sandbox;
        _launcher = launcher;
        Command = command;
    }

    public ExecCommand Command { get; }

    /// <summary>Bytes for the program's stdin (the launcher queues what the program has not read yet).</summary>
    public async Task SendStdinAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        for (var at = 0; at < data.Length; at += StdinChunk)
            await SendAsync(LauncherProtocol.StdinFrame(data.Span.Slice(at, Math.Min(StdinChunk, data.Length - at))), ct);
    }

    /// <summary>Closes the program's stdin; on a terminal, sends the end-of-file character instead.</summary>
    public Task CloseStdinAsync(CancellationToken ct) => SendAsync(LauncherProtocol.StdinFrame([]), ct);

    /// <summary>Signals the program's process group (on a terminal, the foreground one).</summary>
    public Task SignalAsync(int signal, CancellationToken ct) => SendAsync(LauncherProtocol.SignalFrame(signal), ct);

    public Task ResizeAsync(TerminalSize size, CancellationToken ct) => SendAsync(LauncherProtocol.WindowSizeFrame(size), ct);

    /// <summary>Kills every process of the run; the launcher still reports how it ended. Never throws.</summary>
    public async Task KillAsync()
    {
        try
        {
            await SendAsync(LauncherProtocol.SignalFrame(9), CancellationToken.None);
        }
        catch (Exception e) when (e is SandboxFailedException or OperationCanceledException)
        {
            // The sandbox is gone or broken: it is retired, which kills the run as well.
        }
    }

    /// <summary>The next output, or the end. Throws <see cref="SandboxFailedException"/> when the launcher is gone or speaks out of turn.</summary>
    public async Task<InteractiveEvent> ReadAsync(CancellationToken ct)
    {
        if (_done)
            throw new InvalidOperationException("The program has ended.");
        LauncherFrame frame;
        try
        {
            frame = await _launcher.ReceiveAsync(ct);
        }
        catch (Exception e) when (e is LauncherGoneException or InvalidDataException or IOException)
        {
            throw _sandbox.Failed("running interactively", e);
        }
        switch (frame.Type)
        {
            case LauncherFrame.Stdout:
                return new InteractiveEvent(InteractiveStream.Stdout, frame.Payload);
            case LauncherFrame.Stderr:
                return new InteractiveEvent(InteractiveStream.Stderr, frame.Payload);
            case LauncherFrame.Done:
                _done = true;
                _sandbox.CountRun();
                return new InteractiveEvent(InteractiveStream.Done, [], LauncherProtocol.DecodeDone(frame.Payload, [], [], []));
            default:
                throw _sandbox.Failed("running interactively", new InvalidDataException($"Unexpected launcher frame '{frame.TypeChar}' during a run."));
        }
    }

    private async Task SendAsync(byte[] frame, CancellationToken ct)
    {
        if (_done)
            return; // the launcher ignores I, S and W between runs anyway; nothing may reach the next one
        try
        {
            await _launcher.SendAsync(frame, ct);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            throw _sandbox.Failed("sending to an interactive run", e);
        }
    }
}
