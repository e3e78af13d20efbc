using System.Buffers.Binary;
using System.Text;

namespace CodeRunner.Sandboxes.Launcher;

/// <summary>Encodes host→launcher frames and decodes launcher→host replies (docs/sandbox-protocol.md).</summary>
public static class LauncherProtocol
{
    public const string HelloText = "coderun-launcher/1";

    public static byte[] FileFrame(string name, ReadOnlySpan<byte> content, int mode)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var writer = new FrameWriter(LauncherFrame.File, 8 + nameBytes.Length + content.Length);
        writer.U32((uint)mode);
        writer.LString(nameBytes);
        writer.Bytes(content);
        return writer.Done();
    }

    public static byte[] ExecFrame(ExecCommand c)
    {
        var argv = c.Argv.Select(Encoding.UTF8.GetBytes).ToList();
        var env = c.Env.Select(Encoding.UTF8.GetBytes).ToList();
        var size = 48 + argv.Sum(a => 4 + a.Length) + env.Sum(e => 4 + e.Length) + (c.Terminal is null ? 0 : 8);
        var writer = new FrameWriter(LauncherFrame.Exec, size);
        writer.U32((uint)c.CpuTimeMs);
        writer.U32((uint)c.WallTimeMs);
        writer.U64((ulong)c.MemoryBytes);
        writer.U64((ulong)c.FileSizeBytes);
        writer.U32((uint)c.StdoutCap);
        writer.U32((uint)c.StderrCap);
        writer.U32((uint)c.OpenFiles);
        writer.U32((uint)c.Processes);
        writer.U32((uint)argv.Count);
        writer.U32((uint)env.Count);
        foreach (var a in argv)
            writer.LString(a);
        foreach (var e in env)
            writer.LString(e);
        if (c.Terminal is { } terminal)
        {
            writer.U32(1); // mode flags: tty
            writer.U16(terminal.Cols);
            writer.U16(terminal.Rows);
        }
        return writer.Done();
    }

    public static byte[] StdinFrame(ReadOnlySpan<byte> data)
    {
        var writer = new FrameWriter(LauncherFrame.Stdin, data.Length);
        writer.Bytes(data);
        return writer.Done();
    }

    public static byte[] SignalFrame(int signal)
    {
        var writer = new FrameWriter(LauncherFrame.Signal, 4);
        writer.U32((uint)signal);
        return writer.Done();
    }

    public static byte[] WindowSizeFrame(TerminalSize size)
    {
        var writer = new FrameWriter(LauncherFrame.WindowSize, 4);
        writer.U16(size.Cols);
        writer.U16(size.Rows);
        return writer.Done();
    }

    public static byte[] EmptyFrame(byte type) => new FrameWriter(type, 0).Done();

    /// <summary>Decodes a <c>D</c> payload; the output collected before it is passed in.</summary>
    public static ExecResult DecodeDone(byte[] p, byte[] stdout, byte[] stderr, byte[] combined)
    {
        if (p.Length < 40)
            throw new InvalidDataException($"Done frame of {p.Length} bytes.");
        var span = p.AsSpan();
        return new ExecResult(
            (ExecOutcome)BinaryPrimitives.ReadUInt32LittleEndian(span),
            BinaryPrimitives.ReadInt32LittleEndian(span[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(span[8..]),
            (ExecFlags)BinaryPrimitives.ReadUInt32LittleEndian(span[12..]),
            (long)BinaryPrimitives.ReadUInt64LittleEndian(span[16..]),
            (long)BinaryPrimitives.ReadUInt64LittleEndian(span[24..]),
            (long)BinaryPrimitives.ReadUInt64LittleEndian(span[32..]),
            Encoding.UTF8.GetString(span[40..]),
            stdout,
            stderr,
            combined);
    }

    /// <summary>Decodes an <c>f</c> or <c>r</c> reply: ok flag, then a message.</summary>
    public static (bool Ok, string Message) DecodeStatus(byte[] p) =>
        p.Length == 0 ? (false, "empty reply") : (p[0] == 1, Encoding.UTF8.GetString(p.AsSpan(1)));

    private ref struct FrameWriter
    {
        private readonly byte[] _buffer;
        private int _at;

        public FrameWriter(byte type, int payload)
        {
            if (payload > LauncherFrame.MaxPayload)
                throw new ArgumentOutOfRangeException(nameof(payload), $"A launcher frame carries at most {LauncherFrame.MaxPayload} bytes.");
            _buffer = new byte[5 + payload];
            _buffer[0] = type;
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(1), (uint)payload);
            _at = 5;
        }

        public void U32(uint v) { BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_at), v); _at += 4; }

        public void U16(ushort v) { BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(_at), v); _at += 2; }

        public void U64(ulong v) { BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_at), v); _at += 8; }

        public void LString(ReadOnlySpan<byte> s) { U32((uint)s.Length); Bytes(s); }

        public void Bytes(ReadOnlySpan<byte> s) { s.CopyTo(_buffer.AsSpan(_at)); _at += s.Length; }

        public readonly byte[] Done() => _at == _buffer.Length ? _buffer : throw new InvalidOperationException("Frame size mismatch.");
    }
}
