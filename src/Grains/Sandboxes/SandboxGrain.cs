using CodeRunner.Docker;
using CodeRunner.Languages;
using CodeRunner.Sandboxes.Launcher;
using Microsoft.Extensions.Logging;

namespace CodeRunner.Sandboxes;

/// <summary>
/// Owns exactly one container from create to removal: create (hardened), warm, run, reset, retire.
/// Serves one caller at a time (the pool hands it out exclusively), like a non-reentrant grain.
/// </summary>
public sealed partial class SandboxGrain : IAsyncDisposable
{
    private readonly DockerClient _docker;
    private readonly SandboxOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private LauncherConnection? _launcher;

    private SandboxGrain(string id, string containerName, Language language, DockerClient docker, SandboxOptions options, ILogger logger, TimeProvider time)
    {
        Id = id;
        ContainerName = containerName;
        Language = language;
        _docker = docker;
        _options = options;
        _logger = logger;
        _time = time;
        CreatedAt = LastUsedAt = time.GetUtcNow();
    }

    public string Id { get; }
    public string ContainerName { get; }
    public string? ContainerId { get; private set; }
    public Language Language { get; }
    public string Runtime => _options.Runtime;
    public SandboxState State { get; private set; } = SandboxState.Creating;
    public int RunsServed { get; private set; }

    /// <summary>The verdict of the last run it served (set by the run executor; for operators).</summary>
    public Runs.Verdict? LastVerdict { get; set; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset LastUsedAt { get; private set; }

    /// <summary>Creates, attaches to and starts a container, and waits for its launcher's hello.</summary>
    public static async Task<SandboxGrain> CreateAsync(
        Language language, SandboxOptions options, string siloName, DockerClient docker, ILogger logger, TimeProvider time, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var sandbox = new SandboxGrain(id, $"coderun-{siloName}-{language.Id}-{id}", language, docker, options, logger, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.CreateTimeout);
        try
        {
            // Create and start are not abandoned half-way: the engine finishes them even when the
            // client goes away, so a remove sent meanwhile would miss the container. They are short
            // and bounded by the client's own deadline; cancellation is honoured right after each,
            // and the catch below removes what exists.
            var created = await docker.CreateContainerAsync(
                sandbox.ContainerName, SandboxContainerSpec.For(language, options, siloName, id), CancellationToken.None);
            sandbox.ContainerId = created.Id;
            deadline.Token.ThrowIfCancellationRequested();
            // Attach before start: the launcher's hello (and anything else) is never missed.
            var attachment = await docker.AttachAsync(created.Id, deadline.Token);
            sandbox._launcher = new LauncherConnection(attachment, id, logger);
            await docker.StartContainerAsync(created.Id, CancellationToken.None);
            deadline.Token.ThrowIfCancellationRequested();
            var hello = await sandbox._launcher.ExpectAsync(LauncherFrame.Hello, deadline.Token);
            var text = System.Text.Encoding.UTF8.GetString(hello.Payload);
            if (!text.StartsWith(LauncherProtocol.HelloText, StringComparison.Ordinal))
                throw new SandboxFailedException($"Unexpected launcher hello '{text}'.");
            sandbox.State = SandboxState.Warm;
            LogCreated(logger, id, language.Id, options.Runtime);
            return sandbox;
        }
        catch (Exception e)
        {
            // Whatever got as far as the engine is removed there too, found by name even when the
            // create call itself timed out before it answered.
            await sandbox.RetireAsync();
            if (e is OperationCanceledException && !ct.IsCancellationRequested)
                throw new SandboxFailedException($"Sandbox for {language.Id} was not ready within {options.CreateTimeout.TotalSeconds:F0} s.", e);
            throw;
        }
    }

    /// <summary>Places the run's files. Returns the launcher's refusals (empty when all were placed).</summary>
    public async Task<IReadOnlyList<string>> PlaceFilesAsync(IReadOnlyList<PlacedFile> files, CancellationToken ct)
    {
        var launcher = Ready(SandboxState.Busy);
        try
        {
            foreach (var file in files)
                await launcher.SendAsync(LauncherProtocol.FileFrame(file.Name, file.Content, file.Mode), ct);
            var refusals = new List<string>();
            foreach (var file in files)
            {
                var (ok, message) = LauncherProtocol.DecodeStatus((await launcher.ExpectAsync(LauncherFrame.FileReply, ct)).Payload);
                if (!ok)
                    refusals.Add($"{file.Name}: {message}");
            }
            return refusals;
        }
        catch (Exception e) when (e is LauncherGoneException or InvalidDataException or IOException)
        {
            throw Failed(Ended("placing files", e is LauncherGoneException ? await ContainerEndAsync() : null), e);
        }
    }

    /// <summary>
    /// Runs one program to its end. Cancelling <paramref name="ct"/> kills the program (not just the
    /// wait); the launcher still answers with how it ended.
    /// </summary>
    public async Task<ExecResult> ExecAsync(ExecCommand command, ReadOnlyMemory<byte> stdin, CancellationToken ct)
    {
        var launcher = Ready(SandboxState.Busy);
        if (Runtime == "runsc")
            command = command with { Processes = Language.Definition.MaxProcesses }; // see SandboxContainerSpec
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(command.WallTimeMs) + _options.LauncherGrace);
        try
        {
            await launcher.SendAsync(LauncherProtocol.ExecFrame(command), deadline.Token);
            // Registered only once the program's frame is out: the launcher ignores a signal while
            // nothing runs, so a kill sent earlier (a cancel that came while files were placed)
            // would be lost and the program would run to its wall limit. A token cancelled by now
            // runs the callback here, at once, and the kill follows the exec frame.
            using var killOnCancel = ct.Register(() => _ = launcher.SendAsync(LauncherProtocol.SignalFrame(9), CancellationToken.None).AsTask());
            const int chunk = 1 << 20;
            for (var at = 0; at < stdin.Length; at += chunk)
                await launcher.SendAsync(LauncherProtocol.StdinFrame(stdin.Span.Slice(at, Math.Min(chunk, stdin.Length - at))), deadline.Token);
            await launcher.SendAsync(LauncherProtocol.StdinFrame([]), deadline.Token);

            using var stdout = new MemoryStream();
            using var stderr = new MemoryStream();
            using var combined = new MemoryStream();
            while (true)
            {
                var frame = await launcher.ReceiveAsync(deadline.Token);
                switch (frame.Type)
                {
                    // The launcher caps each stream; the silo holds it to the same caps in case it does not.
                    case LauncherFrame.Stdout:
                        Append(stdout, combined, frame.Payload, command.StdoutCap);
                        break;
                    case LauncherFrame.Stderr:
                        Append(stderr, combined, frame.Payload, command.StderrCap);
                        break;
                    case LauncherFrame.Done:
                        RunsServed++;
                        LastUsedAt = _time.GetUtcNow();
                        return LauncherProtocol.DecodeDone(frame.Payload, stdout.ToArray(), stderr.ToArray(), combined.ToArray());
                    default:
                        throw new InvalidDataException($"Unexpected launcher frame '{frame.TypeChar}' during a run.");
                }
            }
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested)
        {
            throw Failed($"running (no answer {_options.LauncherGrace.TotalSeconds:F0} s past the wall limit)", e);
        }
        catch (Exception e) when (e is LauncherGoneException or InvalidDataException or IOException)
        {
            // A program that outgrew the container's hard memory limit takes the whole container
            // with it under gVisor (no per-process OOM kill there). That is the program's verdict,
            // not an internal error; the sandbox is retired either way.
            var end = e is LauncherGoneException ? await ContainerEndAsync() : null;
            if (end is { OOMKilled: true } or { ExitCode: 137 })
            {
                LogOomKilled(_logger, Id);
                return new ExecResult(ExecOutcome.Signaled, -1, 9, ExecFlags.OomKilled, 0, 0, command.MemoryBytes, "", [], [], []);
            }
            throw Failed(Ended("running", end), e);
        }
    }

    /// <summary>
    /// Starts a program whose stdin, signals and window size the caller sends while it runs, and
    /// whose output it reads as produced (<see cref="InteractiveExec"/>). The caller reads until the
    /// end and bounds the wait itself (the launcher enforces the command's limits).
    /// </summary>
    public async Task<InteractiveExec> StartInteractiveAsync(ExecCommand command, CancellationToken ct)
    {
        var launcher = Ready(SandboxState.Busy);
        if (Runtime == "runsc")
            command = command with { Processes = Language.Definition.MaxProcesses }; // see SandboxContainerSpec
        try
        {
            await launcher.SendAsync(LauncherProtocol.ExecFrame(command), ct);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            throw Failed("starting an interactive run", e);
        }
        return new InteractiveExec(this, launcher, command);
    }

    internal void CountRun()
    {
        RunsServed++;
        LastUsedAt = _time.GetUtcNow();
    }

    private static void Append(MemoryStream stream, MemoryStream combined, byte[] payload, int cap)
    {
        var room = (int)Math.Max(0, cap - stream.Length);
        var take = Math.Min(room, payload.Length);
        stream.Write(payload, 0, take);
        combined.Write(payload, 0, take);
    }

    /// <summary>How the container ended, as the engine recorded it; null when it cannot tell (still running, gone, or no answer).</summary>
    private async Task<ContainerState?> ContainerEndAsync()
    {
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            // The engine records the container's end a moment after its stream closes.
            while (true)
            {
                var inspect = await _docker.InspectContainerAsync(ContainerId!, deadline.Token);
                if (inspect is null)
                    return null;
                if (!inspect.State.Running)
                    return inspect.State;
                await Task.Delay(20, deadline.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or DockerApiException or HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>What the sandbox was doing, and how its container ended when the engine knows: the first clue an operator needs.</summary>
    private static string Ended(string doing, ContainerState? end) =>
        end is null ? doing
        : string.IsNullOrEmpty(end.Error) ? $"{doing} (its container exited with code {end.ExitCode})"
        : $"{doing} (its container exited with code {end.ExitCode}: {end.Error})";

    /// <summary>Wipes everything the last run left. Returns false when the launcher cannot prove the sandbox clean.</summary>
    public async Task<bool> ResetAsync(CancellationToken ct)
    {
        var launcher = Ready(SandboxState.Resetting);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(_options.ResetTimeout);
            await launcher.SendAsync(LauncherProtocol.EmptyFrame(LauncherFrame.Reset), deadline.Token);
            var (clean, message) = LauncherProtocol.DecodeStatus((await launcher.ExpectAsync(LauncherFrame.ResetReply, deadline.Token)).Payload);
            if (!clean)
            {
                LogDirtyReset(_logger, Id, message);
                return false;
            }
            State = SandboxState.Warm;
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false; // the node is stopping: the sandbox is retired with the rest
        }
        catch (Exception e) when (e is LauncherGoneException or InvalidDataException or IOException or OperationCanceledException)
        {
            LogDirtyReset(_logger, Id, e.Message);
            return false;
        }
    }

    /// <summary>Kills and removes the container. Never throws; safe to call more than once.</summary>
    public async Task RetireAsync()
    {
        if (State == SandboxState.Retired)
            return;
        State = SandboxState.Retiring;
        if (_launcher is not null)
            await _launcher.DisposeAsync();
        // A busy engine can take long to tear a container down (gVisor freeing a full tmpfs):
        // a few tries, then the silo's sweep by label (at stop, and at the next start) takes over.
        var removed = false;
        for (var attempt = 1; attempt <= 3 && !removed; attempt++)
        {
            try
            {
                await _docker.RemoveContainerAsync(ContainerId ?? ContainerName, force: true, CancellationToken.None);
                LogRetired(_logger, Id, RunsServed);
                removed = true;
            }
            catch (ObjectDisposedException e)
            {
                // The host is already tearing its services down: the next start's ghost sweep removes it.
                LogRetireFailed(_logger, Id, attempt, e);
                break;
            }
            catch (Exception e) when (e is OperationCanceledException or DockerApiException or HttpRequestException or IOException)
            {
                LogRetireFailed(_logger, Id, attempt, e);
            }
        }
        if (!removed)
            Diagnostics.CodeRunnerMetrics.SandboxRetireFailed(Language.Id);
        State = SandboxState.Retired;
    }

    public ValueTask DisposeAsync() => new(RetireAsync());

    private LauncherConnection Ready(SandboxState next)
    {
        if (_launcher is null || State is SandboxState.Retiring or SandboxState.Retired or SandboxState.Creating)
            throw new SandboxFailedException($"Sandbox {Id} is {State}.");
        State = next;
        return _launcher;
    }

    internal SandboxFailedException Failed(string doing, Exception e)
    {
        LogFailed(_logger, Id, doing, e);
        return new SandboxFailedException($"Sandbox {Id} failed while {doing}: {e.Message}", e, retryable: e is not OperationCanceledException);
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "Sandbox {SandboxId} for {LanguageId} is warm ({Runtime})")]
    private static partial void LogCreated(ILogger logger, string sandboxId, string languageId, string runtime);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Sandbox {SandboxId} retired after {Runs} runs")]
    private static partial void LogRetired(ILogger logger, string sandboxId, int runs);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Sandbox {SandboxId} could not be removed (attempt {Attempt}); the silo's sweep will retry")]
    private static partial void LogRetireFailed(ILogger logger, string sandboxId, int attempt, Exception e);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Sandbox {SandboxId} reset is not clean ({Reason}); retiring it")]
    private static partial void LogDirtyReset(ILogger logger, string sandboxId, string reason);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Information, Message = "Sandbox {SandboxId} was killed at its container's memory limit; retiring it")]
    private static partial void LogOomKilled(ILogger logger, string sandboxId);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "Sandbox {SandboxId} failed while {Doing}")]
    private static partial void LogFailed(ILogger logger, string sandboxId, string doing, Exception e);
}
