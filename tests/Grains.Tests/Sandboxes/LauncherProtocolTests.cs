using System.Buffers.Binary;
using System.Text;
using CodeRunner.Sandboxes.Launcher;

namespace CodeRunner.Tests.Sandboxes;

public class LauncherProtocolTests
{
    [Fact]
    public void ExecFrameFollowsTheDocumentedLayout()
    {
        var frame = LauncherProtocol.ExecFrame(new ExecCommand(["python3", "main.py"], ["A=1"], 2000, 5000, 256L << 20, 1 << 20, 100, 200, 64, 48));
        Assert.Equal((byte)'X', frame[0]);
        var payload = frame.AsSpan(5);
        Assert.Equal((uint)payload.Length, BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(1)));
        Assert.Equal(2000u, BinaryPrimitives.ReadUInt32LittleEndian(payload));
        Assert.Equal(5000u, BinaryPrimitives.ReadUInt32LittleEndian(payload[4..]));
        Assert.Equal(256UL << 20, BinaryPrimitives.ReadUInt64LittleEndian(payload[8..]));
        Assert.Equal(1UL << 20, BinaryPrimitives.ReadUInt64LittleEndian(payload[16..]));
        Assert.Equal(100u, BinaryPrimitives.ReadUInt32LittleEndian(payload[24..]));
        Assert.Equal(200u, BinaryPrimitives.ReadUInt32LittleEndian(payload[28..]));
        Assert.Equal(64u, BinaryPrimitives.ReadUInt32LittleEndian(payload[32..]));
        Assert.Equal(48u, BinaryPrimitives.ReadUInt32LittleEndian(payload[36..]));
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(payload[40..]));
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(payload[44..]));
        Assert.Equal(7u, BinaryPrimitives.ReadUInt32LittleEndian(payload[48..]));
        Assert.Equal("python3", Encoding.UTF8.GetString(payload.Slice(52, 7)));
    }

    [Fact]
    public void ExecFrameForATerminalEndsWithTheModeAndWindowSize()
    {
        var command = new ExecCommand(["sh"], [], 1, 1, 1, 1, 1, 1);
        var batch = LauncherProtocol.ExecFrame(command);
        var tty = LauncherProtocol.ExecFrame(command with { Terminal = new TerminalSize(132, 43) });
        Assert.Equal(batch.Length + 8, tty.Length);
        var trailer = tty.AsSpan(batch.Length);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(trailer));
        Assert.Equal(132, BinaryPrimitives.ReadUInt16LittleEndian(trailer[4..]));
        Assert.Equal(43, BinaryPrimitives.ReadUInt16LittleEndian(trailer[6..]));
    }

    [Fact]
    public void WindowSizeFrameCarriesColsThenRows()
    {
        var frame = LauncherProtocol.WindowSizeFrame(new TerminalSize(100, 30));
        Assert.Equal([(byte)'W', 4, 0, 0, 0, 100, 0, 30, 0], frame);
    }

    [Fact]
    public void FileFrameCarriesModeNameAndContent()
    {
        var frame = LauncherProtocol.FileFrame("a/b.txt", "xyz"u8, 0x1ed);
        var payload = frame.AsSpan(5);
        Assert.Equal(0x1edu, BinaryPrimitives.ReadUInt32LittleEndian(payload));
        Assert.Equal(7u, BinaryPrimitives.ReadUInt32LittleEndian(payload[4..]));
        Assert.Equal("a/b.txt", Encoding.UTF8.GetString(payload.Slice(8, 7)));
        Assert.Equal("xyz", Encoding.UTF8.GetString(payload[15..]));
    }

    [Fact]
    public void DoneFrameDecodes()
    {
        var p = new byte[40 + 2];
        BinaryPrimitives.WriteUInt32LittleEndian(p, 1);
        BinaryPrimitives.WriteInt32LittleEndian(p.AsSpan(4), -1);
        BinaryPrimitives.WriteInt32LittleEndian(p.AsSpan(8), 9);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(12), 1 | 32);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(16), 1500);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(24), 700);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(32), 4096);
        "ok"u8.CopyTo(p.AsSpan(40));
        var done = LauncherProtocol.DecodeDone(p, [], [], []);
        Assert.Equal(ExecOutcome.Signaled, done.Outcome);
        Assert.Equal(9, done.Signal);
        Assert.True(done.Has(ExecFlags.WallTimeExceeded));
        Assert.True(done.Has(ExecFlags.OomKilled));
        Assert.Equal(1500, done.WallMicros);
        Assert.Equal(4096, done.PeakMemoryBytes);
        Assert.Equal("ok", done.Message);
    }

    [Fact]
    public void ShortDoneFrameIsAProtocolError() =>
        Assert.Throws<InvalidDataException>(() => LauncherProtocol.DecodeDone(new byte[10], [], [], []));

    [Fact]
    public void OversizedFrameIsRefusedBeforeItIsBuilt() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LauncherProtocol.StdinFrame(new byte[LauncherFrame.MaxPayload + 1]));
}
