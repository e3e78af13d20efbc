using System.Net.WebSockets;
using CodeRunner.Runs;
using CodeRunner.Sandboxes;
using CodeRunner.Sandboxes.Launcher;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRunner.Sessions;

/// <summary>
/// Runs interactive sessions on this node: takes a sandbox from the language's pool (it counts as
/// busy), places the files, compiles like a batch run, then runs the program interactively and
/// pumps messages between the WebSocket and the launcher (<see cref="SessionPump"/>). However the
/// session ends, the program is killed and the sandbox goes back to be reset, or is retired.
/// </summary>
public sealed partial class SessionHost(
    SandboxPools pools,
    SessionRegistry registry,
    IOptions<SessionOptions> options,
    IOptions<RunOptions> runOptions,
    IOptions<SandboxOptions> sandboxOptions,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SessionHost> logger)
{
    public SessionOptions Options => options.Value;

    /// <summary>Whether a session would be taken now (the silo is not at its session maximum).</summary>
    public bool HasRoom => registry.HasRoom && !lifetime.ApplicationStopping.IsCancellationRequested;

    /// <summary>A whole session on a socket whose first message is still to come (the internal API).</summary>
    public async Task RunAsync(WebSocket webSocket, CancellationToken ct)
    {
        using var socket = new SessionSocket(webSocket, options.Value.MaxMessageBytes);
        SessionStart start;
        try
        {
            using var firstMessage = CancellationTokenSource.CreateLinkedTokenSource(ct);
            firstMessage.CancelAfter(options.Value.IdleTimeout);
            byte[]? first;
            try
            {
                first = await socket.ReceiveAsync(firstMessage.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new SessionClosedException(SessionCloseCodes.IdleTimeout, $"no start message within {options.Value.IdleTimeout.TotalSeconds:0.#} s");
            }
            if (first is null)
                return;
            start = SessionMessages.ParseStart(first);
        }
        catch (SessionClosedException e)
        {
            await socket.CloseAsync(e.Code, e.Message);
            return;
        }
        await RunAsync(socket, start, ct);
    }

    /// <summary>A session whose start message was already read (and checked) by the caller.</summary>
    public async Task RunAsync(SessionSocket socket, SessionStart start, CancellationToken ct)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        try
        {
            await RunCheckedAsync(socket, start, stopping.Token);
        }
        catch (SessionClosedException e)
        {
            LogClosed(logger, start.LanguageName, e.Code, e.Message);
            await socket.CloseAsync(e.Code, e.Message);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            await socket.CloseAsync(SessionCloseCodes.ShuttingDown, "the server is shutting down");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            socket.Socket.Abort(); // the client's connection is gone
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The socket is already a WebSocket: an exception left to the host would only drop it
            // (1006). Say what failed instead; the lease, if any, was already handed back.
            LogFailed(logger, start.LanguageName, e);
            await socket.CloseAsync(SessionCloseCodes.InternalError, "internal error: " + e.Message);
        }
    }

    private async Task RunCheckedAsync(SessionSocket socket, SessionStart start, CancellationToken ct)
    {
        await pools.Ready.WaitAsync(ct);
        RunPlan plan;
        try
        {
            plan = RunPlanner.Plan(start.ToRunRequest(), pools.Catalog, runOptions.Value);
        }
        catch (RunRequestException e)
        {
            throw new SessionClosedException(SessionCloseCodes.BadRequest, Describe(e));
        }
        using var entry = registry.TryEnter(plan.Language.Id)
            ?? throw new SessionClosedException(SessionCloseCodes.Unavailable, $"this silo runs its maximum of {options.Value.MaxConcurrentSessions} sessions; try again later");
        await socket.SendAsync(SessionMessages.Status("queued"), ct);
        SandboxLease lease;
        try
        {
            lease = await pools.PoolFor(plan.Language).AcquireAsync(ct);
        }
        catch (SandboxUnavailableException e)
        {
            throw new SessionClosedException(SessionCloseCodes.Unavailable, e.Message);
        }
        using (lease)
        {
            try
            {
                await RunInSandboxAsync(socket, start, plan, lease.Sandbox, ct);
            }
            catch (SandboxFailedException e)
            {
                lease.Broken = true;
                throw new SessionClosedException(SessionCloseCodes.InternalError, $"the sandbox failed: {e.Message}");
            }
            catch (SessionPumpException e)
            {
                // The program did not end when told to: nothing of it may reach the next user.
                lease.Broken = true;
                throw new SessionClosedException(SessionCloseCodes.InternalError, e.Message);
            }
        }
    }

    private async Task RunInSandboxAsync(SessionSocket socket, SessionStart start, RunPlan plan, SandboxGrain sandbox, CancellationToken ct)
    {
        var refusals = await sandbox.PlaceFilesAsync(plan.Files, ct);
        if (refusals.Count > 0)
            throw new SessionClosedException(SessionCloseCodes.InternalError, "the sandbox refused files: " + string.Join("; ", refusals));
        ExecResult? compile = null;
        if (plan.Compile is { } compileStep)
        {
            await socket.SendAsync(SessionMessages.Status("compiling"), ct);
            compile = await sandbox.ExecAsync(compileStep, ReadOnlyMemory<byte>.Empty, ct);
            if (compile.Combined.Length > 0)
            {
                var splitter = new Utf8Splitter();
                foreach (var chunk in new[] { splitter.Push(compile.Combined), splitter.Flush() })
                    if (chunk is { } c)
                        await socket.SendAsync(SessionMessages.Output("compile", c), ct);
            }
            if (!Verdicts.CompileSucceeded(compile))
            {
                await socket.SendAsync(SessionMessages.Exit(Verdicts.Judge(plan, compile, null)), ct);
                await socket.CloseAsync(SessionCloseCodes.ProgramEnded, "the program did not compile");
                return;
            }
        }
        var command = SessionCommand.For(plan, start, options.Value);
        await socket.SendAsync(SessionMessages.Status("running"), ct);
        var exec = await sandbox.StartInteractiveAsync(command, ct);
        LogStarted(logger, sandbox.Id, plan.Language.Id, start.Tty);
        using var pump = new SessionPump(socket, exec, options.Value, sandboxOptions.Value.LauncherGrace, time);
        var run = await pump.RunAsync(ct);
        if (run is null)
            return; // closed by the pump (limit, client gone); the program is dead
        await socket.SendAsync(SessionMessages.Exit(Verdicts.Judge(plan with { Run = command }, compile, run)), ct);
        await socket.CloseAsync(SessionCloseCodes.ProgramEnded, "the program ended");
        await pump.InputEndedAsync();
    }

    private static string Describe(RunRequestException e) =>
        string.Join("; ", e.Errors.Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}"));

    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Session of {LanguageId} started in sandbox {SandboxId} (tty {Tty})")]
    private static partial void LogStarted(ILogger logger, string sandboxId, string languageId, bool tty);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "Session of {LanguageId} failed")]
    private static partial void LogFailed(ILogger logger, string languageId, Exception e);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Session of {LanguageId} closed with {Code}: {Reason}")]
    private static partial void LogClosed(ILogger logger, string languageId, int code, string reason);
}
