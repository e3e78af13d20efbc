using System.Text;
using CodeRunner.Runs;

namespace CodeRunner.Tests.Runs;

public class OutputComparerTests
{
    private static bool Match(string actual, string expected, OutputComparison mode) =>
        OutputComparer.Matches(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected), mode);

    [Theory]
    [InlineData("1 2\n3\n", "1 2\n3")]
    [InlineData("1 2  \r\n3\t\n\n\n", "1 2\n3\n")]
    public void TrailingWhitespaceIsIgnoredByDefaultMode(string actual, string expected) =>
        Assert.True(Match(actual, expected, OutputComparison.IgnoreTrailingWhitespace));

    [Theory]
    [InlineData("1  2\n", "1 2\n")]
    [InlineData(" 1\n", "1\n")]
    [InlineData("1\n\n2\n", "1\n2\n")]
    public void InnerAndLeadingWhitespaceStillMatters(string actual, string expected) =>
        Assert.False(Match(actual, expected, OutputComparison.IgnoreTrailingWhitespace));

    [Fact]
    public void ExactModeComparesBytes()
    {
        Assert.True(Match("a\n", "a\n", OutputComparison.Exact));
        Assert.False(Match("a\n", "a", OutputComparison.Exact));
    }
}
