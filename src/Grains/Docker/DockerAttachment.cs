using System.Buffers.Binary;

namespace CodeRunner.Docker;

/// <summary>Which of a container's streams a chunk of attach output came from.</summary>
public enum DockerStreamKind : byte
{
    Stdin = 0,
    Stdout = 1,
    Stderr = 2,
}

/// <summary>
/// A hijacked attach connection: writes go to the container's stdin, reads come back as the
/// engine's multiplexed frames (8-byte header: stream kind, three zero bytes, big-endian size),
/// the format used for containers without a TTY.
/// </summary>
public sealed class DockerAttachment(Stream stream) : IAsyncDisposable
{
    private readonly byte[] _header = new byte[8];

    /// <summary>Writes to the container's stdin.</summary>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct) => stream.WriteAsync(data, ct);

    /// <summary>
    /// Reads the next frame header and returns its stream and size, or null at the end of the
    /// stream. The caller then reads exactly that many bytes with <see cref="ReadPayloadAsync"/>.
    /// </summary>
    public async ValueTask<(DockerStreamKind Kind, int Size)?> ReadHeaderAsync(CancellationToken ct)
    {
        if (!await ReadExactlyOrEndAsync(_header, ct))
            return null;
        var size = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(4));
        if (size > int.MaxValue)
            throw new InvalidDataException($"Attach frame of {size} bytes.");
        return ((DockerStreamKind)_header[0], (int)size);
    }

    public async ValueTask ReadPayloadAsync(Memory<byte> buffer, CancellationToken ct)
    {
        if (!await ReadExactlyOrEndAsync(buffer, ct))
            throw new EndOfStreamException("The attach stream ended inside a frame.");
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();

    private async ValueTask<bool> ReadExactlyOrEndAsync(Memory<byte> buffer, CancellationToken ct)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer[read..], ct);
            if (n == 0)
                return read == 0 ? false : throw new EndOfStreamException("The attach stream ended inside a frame.");
            read += n;
        }
        return true;
    }
}
