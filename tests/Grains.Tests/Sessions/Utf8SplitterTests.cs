using System.Text;
using CodeRunner.Sessions;

namespace CodeRunner.Tests.Sessions;

public class Utf8SplitterTests
{
    [Fact]
    public void SequenceSplitAcrossPiecesIsHeldUntilItIsWhole()
    {
        var bytes = Encoding.UTF8.GetBytes("a✓b"); // ✓ is three bytes
        var splitter = new Utf8Splitter();
        Assert.Equal("a", splitter.Push(bytes.AsSpan(0, 2))!.Value.Text);
        Assert.Null(splitter.Push(bytes.AsSpan(2, 1)));
        Assert.Equal("✓b", splitter.Push(bytes.AsSpan(3))!.Value.Text);
        Assert.Null(splitter.Flush());
    }

    [Fact]
    public void BytesThatAreNotUtf8ComeAsBytes()
    {
        var chunk = new Utf8Splitter().Push([0x61, 0xFF, 0x62])!.Value;
        Assert.Null(chunk.Text);
        Assert.Equal([0x61, 0xFF, 0x62], chunk.Bytes);
    }

    [Fact]
    public void AnUnfinishedSequenceAtTheEndIsFlushedAsBytes()
    {
        var splitter = new Utf8Splitter();
        Assert.Null(splitter.Push([0xE2, 0x9C]));
        var rest = splitter.Flush()!.Value;
        Assert.Null(rest.Text);
        Assert.Equal([0xE2, 0x9C], rest.Bytes);
    }
}
