namespace CodeRunner.Runs;

/// <summary>How stdout is compared with the expected output.</summary>
public enum OutputComparison
{
    /// <summary>Byte for byte.</summary>
    Exact,
    /// <summary>Trailing white space of each line and trailing empty lines are ignored (what most judges mean).</summary>
    IgnoreTrailingWhitespace,
}
