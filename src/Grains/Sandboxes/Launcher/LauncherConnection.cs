using System.Buffers.Binary;
using System.Text;
using System.Threading.Channels;
using CodeRunner.Docker;
using Microsoft.Extensions.Logging;

namespace CodeRunner.Sandboxes.Launcher;

/// <summary>
/// The silo's end of one launcher: frames written to the container's stdin, frames read back out of
/// the engine's multiplexed attach stream by a background loop. One operation at a time uses it
/// (the sandbox serves one run at a time), so replies are simply read in order.
/// </summary>
public sealed partial class LauncherConnection : IAsyncDisposable
{
    private readonly DockerAttachment _attachment;
    private readonly ILogger _logger;
    private readonly string _sandboxId;
    private readonly Channel<LauncherFrame> _frames = Channel.CreateUnbounded<LauncherFrame>(new() { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Task _reader;

    public LauncherConnection(DockerAttachment attachment, string sandboxId, ILogger logger)
    {
        _attachment = attachment;
        _sandboxId = sandboxId;
        _logger = logger;
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Completes when the attach stream has ended: the container stopped or the connection broke.</summary>
    public Task Closed => _frames.Reader.Completion;

    public async ValueTask SendAsync(byte[] frame, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await _attachment.WriteAsync(frame, ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The next frame from the launcher; throws <see cref="LauncherGoneException"/> when the stream has ended.</summary>
    public async ValueTask<LauncherFrame> ReceiveAsync(CancellationToken ct)
    {
        try
        {
            return await _frames.Reader.ReadAsync(ct);
        }
        catch (ChannelClosedException e)
        {
            throw new LauncherGoneException(e.InnerException?.Message ?? "the launcher's stream ended", e.InnerException ?? e);
        }
    }

    /// <summary>Reads frames until one of the given type arrives; any other frame is a protocol error.</summary>
    public async ValueTask<LauncherFrame> ExpectAsync(byte type, CancellationToken ct)
    {
        var frame = await ReceiveAsync(ct);
        return frame.Type == type
            ? frame
            : throw new InvalidDataException($"Expected launcher frame '{(char)type}', got '{frame.TypeChar}'.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _attachment.DisposeAsync();
        try
        {
            await _reader;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
        _stop.Dispose();
        _writeLock.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var parser = new FrameParser();
        var stderr = new StringBuilder();
        var chunk = new byte[64 * 1024];
        try
        {
            while (await _attachment.ReadHeaderAsync(_stop.Token) is var (kind, size))
            {
                if (size > chunk.Length)
                    chunk = new byte[size];
                await _attachment.ReadPayloadAsync(chunk.AsMemory(0, size), _stop.Token);
                if (kind == DockerStreamKind.Stdout)
                {
                    parser.Append(chunk.AsSpan(0, size));
                    while (parser.TryTake(out var frame))
                        _frames.Writer.TryWrite(frame);
                }
                else
                {
                    LogDiagnostics(stderr, chunk.AsSpan(0, size));
                }
            }
            _frames.Writer.TryComplete(new IOException("the launcher's stream ended (container stopped)"));
        }
        catch (Exception e)
        {
            _frames.Writer.TryComplete(e);
        }
    }

    private void LogDiagnostics(StringBuilder pending, ReadOnlySpan<byte> bytes)
    {
        if (!_logger.IsEnabled(LogLevel.Debug))
            return;
        pending.Append(Encoding.UTF8.GetString(bytes));
        var text = pending.ToString();
        var lines = text.Split('\n');
        foreach (var line in lines[..^1])
            LogLauncherLine(_sandboxId, line);
        // A line without an end is kept only up to a bound: diagnostics must not grow without limit.
        pending.Clear().Append(lines[^1].Length > 4096 ? lines[^1][..4096] : lines[^1]);
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Launcher of sandbox {SandboxId}: {Line}")]
    private partial void LogLauncherLine(string sandboxId, string line);

    /// <summary>Accumulates stdout bytes and cuts them into launcher frames.</summary>
    private sealed class FrameParser
    {
        private byte[] _buffer = new byte[128 * 1024];
        private int _start, _end;

        public void Append(ReadOnlySpan<byte> data)
        {
            if (_end + data.Length > _buffer.Length)
            {
                var live = _end - _start;
                var target = _buffer.Length >= live + data.Length ? _buffer : new byte[Math.Max(_buffer.Length * 2, live + data.Length)];
                Buffer.BlockCopy(_buffer, _start, target, 0, live);
                _buffer = target;
                _start = 0;
                _end = live;
            }
            data.CopyTo(_buffer.AsSpan(_end));
            _end += data.Length;
        }

        public bool TryTake(out LauncherFrame frame)
        {
            frame = default;
            if (_end - _start < 5)
                return false;
            var length = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_start + 1));
            if (length > LauncherFrame.MaxPayload)
                throw new InvalidDataException($"Launcher frame of {length} bytes.");
            if (_end - _start - 5 < length)
                return false;
            frame = new LauncherFrame(_buffer[_start], _buffer.AsSpan(_start + 5, (int)length).ToArray());
            _start += 5 + (int)length;
            if (_start == _end)
                _start = _end = 0;
            return true;
        }
    }
}
