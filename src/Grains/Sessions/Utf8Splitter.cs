using System.Text;

namespace CodeRunner.Sessions;

/// <summary>
/// Cuts one output stream into chunks that never split a UTF-8 sequence: an incomplete sequence at
/// the end of a piece waits for the next piece. A chunk that is not valid UTF-8 goes as bytes.
/// </summary>
public sealed class Utf8Splitter
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private byte[] _carry = [];

    /// <summary>The chunk to send for <paramref name="piece"/>, or null when everything is held back (a lone start of a sequence).</summary>
    public OutputChunk? Push(ReadOnlySpan<byte> piece)
    {
        var bytes = _carry.Length == 0 ? piece.ToArray() : [.. _carry, .. piece];
        var keep = IncompleteTail(bytes);
        _carry = bytes[^keep..];
        return bytes.Length - keep == 0 ? null : Chunk(bytes[..^keep]);
    }

    /// <summary>What is still held back at the end of the stream (as bytes: it is not whole UTF-8).</summary>
    public OutputChunk? Flush()
    {
        var rest = _carry;
        _carry = [];
        return rest.Length == 0 ? null : Chunk(rest);
    }

    private static OutputChunk Chunk(byte[] bytes)
    {
        try
        {
            return new OutputChunk(bytes, Strict.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return new OutputChunk(bytes, null);
        }
    }

    /// <summary>How many bytes at the end start a multi-byte sequence that is not complete yet (0 to 3).</summary>
    private static int IncompleteTail(byte[] b)
    {
        for (var back = 1; back <= Math.Min(3, b.Length); back++)
        {
            var x = b[^back];
            if ((x & 0xC0) == 0x80)
                continue; // a continuation byte: look further back for the lead
            var need = (x & 0xE0) == 0xC0 ? 2 : (x & 0xF0) == 0xE0 ? 3 : (x & 0xF8) == 0xF0 ? 4 : 1;
            return need > back ? back : 0;
        }
        return 0;
    }
}
