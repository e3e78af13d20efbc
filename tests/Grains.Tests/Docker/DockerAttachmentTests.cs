using CodeRunner.Docker;

namespace CodeRunner.Tests.Docker;

public class DockerAttachmentTests
{
    private static byte[] Frame(DockerStreamKind kind, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        frame[0] = (byte)kind;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    [Fact]
    public async Task MultiplexedFramesAreSplitByStream()
    {
        var bytes = Frame(DockerStreamKind.Stdout, [1, 2, 3]).Concat(Frame(DockerStreamKind.Stderr, [4])).ToArray();
        await using var attachment = new DockerAttachment(new MemoryStream(bytes));
        var first = await attachment.ReadHeaderAsync(CancellationToken.None);
        Assert.Equal((DockerStreamKind.Stdout, 3), first);
        var payload = new byte[3];
        await attachment.ReadPayloadAsync(payload, CancellationToken.None);
        Assert.Equal([1, 2, 3], payload);
        Assert.Equal((DockerStreamKind.Stderr, 1), await attachment.ReadHeaderAsync(CancellationToken.None));
        await attachment.ReadPayloadAsync(new byte[1], CancellationToken.None);
        Assert.Null(await attachment.ReadHeaderAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StreamEndingInsideAHeaderIsAnError()
    {
        await using var attachment = new DockerAttachment(new MemoryStream([1, 0, 0]));
        await Assert.ThrowsAsync<EndOfStreamException>(async () => await attachment.ReadHeaderAsync(CancellationToken.None));
    }
}
