using CodeRunner.Sandboxes;
using CodeRunner.Sandboxes.Launcher;

namespace CodeRunner.Sessions;

/// <summary>
/// Moves one running program's messages: client input to the launcher (one task), the program's
/// output to the client (the caller's task), and a watchdog for the idle and duration limits. The
/// first reason to end wins; the program is then killed, and the pump still reads until the
/// launcher's end report, so nothing of this run is left in the stream for the next user.
/// </summary>
internal sealed class SessionPump(SessionSocket socket, InteractiveExec exec, SessionOptions options, TimeSpan launcherGrace, TimeProvider time) : IDisposable
{
    /// <summary>Marks an end that is told to nobody: the client is gone.</summary>
    private static readonly SessionClosedException ClientGone = new(0, "the client went away");

    private readonly Utf8Splitter _stdout = new(), _stderr = new();
    private SessionClosedException? _end;
    private long _lastActivity = time.GetTimestamp();
    private long _inputSent;
    private readonly OutputBudget _budget = new(options, time);
    private Task _input = Task.CompletedTask;
    private readonly CancellationTokenSource _ended = new();
    private CancellationTokenSource? _deadline;

    /// <summary>
    /// Runs until the program ends. Returns how it ended, for the caller to send as the exit; null
    /// when the session was ended for another reason (the error and close were sent here).
    /// </summary>
    public async Task<ExecResult?> RunAsync(CancellationToken ct)
    {
        _input = Task.Run(() => InputLoopAsync(CancellationToken.None), CancellationToken.None);
        var watchdog = Task.Run(() => WatchdogAsync(_ended.Token), CancellationToken.None);
        using var onCancel = ct.Register(() => End(new SessionClosedException(SessionCloseCodes.ShuttingDown, "the server is shutting down")));
        ExecResult result;
        try
        {
            result = await OutputLoopAsync();
        }
        finally
        {
            await _ended.CancelAsync();
            await watchdog;
        }
        if (_end is null)
            return result;
        if (ReferenceEquals(_end, ClientGone))
            socket.Socket.Abort();
        else
            await socket.CloseAsync(_end.Code, _end.Message);
        await InputEndedAsync();
        return null;
    }

    public void Dispose()
    {
        _ended.Dispose();
        _deadline?.Dispose();
    }

    /// <summary>Waits (briefly) for the client's side to close after ours, then gives up on it: no input may still be on its way to the launcher when the sandbox is handed back.</summary>
    public async Task InputEndedAsync()
    {
        if (await Task.WhenAny(_input, Task.Delay(TimeSpan.FromSeconds(5), time)) != _input)
            socket.Socket.Abort();
        await _input;
    }

    private void End(SessionClosedException reason)
    {
        if (Interlocked.CompareExchange(ref _end, reason, null) is not null)
            return;
        _ = exec.KillAsync();
        try
        {
            _deadline?.CancelAfter(launcherGrace); // the program was told to die: it gets the grace, no more
        }
        catch (ObjectDisposedException)
        {
            // The end report already came.
        }
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, time.GetTimestamp());

    private async Task<ExecResult> OutputLoopAsync()
    {
        // A bound on the wait, whatever happens: the launcher's own wall limit plus grace; once
        // the program was told to die, the grace alone.
        using var deadline = _deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(exec.Command.WallTimeMs) + launcherGrace, time);
        if (_end is not null)
            deadline.CancelAfter(launcherGrace);
        while (true)
        {
            InteractiveEvent next;
            try
            {
                next = await exec.ReadAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new SessionPumpException($"the program did not end within {launcherGrace.TotalSeconds:0} s of being killed");
            }
            if (next.Result is { } result)
            {
                await SendAsync("stdout", _stdout.Flush());
                await SendAsync("stderr", _stderr.Flush());
                return result;
            }
            if (_end is not null)
                continue; // ending: output is dropped, the end report is awaited
            Touch();
            if (_budget.Spend(next.Data.Length) is { } over)
                End(over);
            var (type, splitter) = next.Stream == InteractiveStream.Stderr ? ("stderr", _stderr) : ("stdout", _stdout);
            await SendAsync(type, splitter.Push(next.Data));
        }
    }

    private async Task SendAsync(string type, OutputChunk? chunk)
    {
        if (chunk is { } c && _end is null && !await socket.SendAsync(SessionMessages.Output(type, c)))
            End(ClientGone);
    }

    private async Task InputLoopAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var message = await socket.ReceiveAsync(ct);
                if (message is null)
                {
                    End(ClientGone);
                    return;
                }
                Touch();
                var input = SessionMessages.ParseInput(message);
                switch (input.Kind)
                {
                    case ClientMessageKind.Stdin when input.Data.Length > 0:
                        _inputSent += input.Data.Length;
                        if (_inputSent > options.MaxInputBytes)
                            throw new SessionClosedException(SessionCloseCodes.OutputLimit, $"the client sent more than {options.MaxInputBytes} bytes of input");
                        await exec.SendStdinAsync(input.Data, ct);
                        break;
                    case ClientMessageKind.Eof:
                        await exec.CloseStdinAsync(ct);
                        break;
                    case ClientMessageKind.Signal:
                        await exec.SignalAsync(input.Signal, ct);
                        break;
                    case ClientMessageKind.Resize:
                        await exec.ResizeAsync(input.Size, ct);
                        break;
                }
            }
        }
        catch (SessionClosedException e)
        {
            End(e);
            await DrainAsync();
        }
        catch (SandboxFailedException e)
        {
            End(new SessionClosedException(SessionCloseCodes.InternalError, e.Message));
        }
    }

    /// <summary>Reads on until the client answers our close (or the pump gives up on it and aborts).</summary>
    private async Task DrainAsync()
    {
        while (true)
        {
            try
            {
                if (await socket.ReceiveAsync(CancellationToken.None) is null)
                    return;
            }
            catch (SessionClosedException)
            {
                // Anything the client sends now is ignored.
            }
        }
    }

    private async Task WatchdogAsync(CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var period = TimeSpan.FromTicks(Math.Clamp(options.IdleTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond * 50, TimeSpan.TicksPerSecond));
        try
        {
            while (true)
            {
                await Task.Delay(period, time, ct);
                if (time.GetElapsedTime(started) >= options.MaxDuration)
                    End(new SessionClosedException(SessionCloseCodes.TimeLimit, $"the session reached its time limit of {options.MaxDuration.TotalSeconds:0.#} s"));
                else if (time.GetElapsedTime(Interlocked.Read(ref _lastActivity)) >= options.IdleTimeout)
                    End(new SessionClosedException(SessionCloseCodes.IdleTimeout, $"no input and no output for {options.IdleTimeout.TotalSeconds:0.#} s"));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
