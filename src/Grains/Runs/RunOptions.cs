namespace CodeRunner.Runs;

/// <summary>Size caps on what one run request may carry.</summary>
public sealed class RunOptions
{
    public const string SectionName = "Runs";

    /// <summary>Files in one request. Default 64.</summary>
    public int MaxFiles { get; set; } = 64;

    /// <summary>Bytes of all files together, decoded. Default 4 MiB.</summary>
    public int MaxSourceBytes { get; set; } = 4 << 20;

    /// <summary>Bytes of stdin, decoded. Default 16 MiB.</summary>
    public int MaxStdinBytes { get; set; } = 16 << 20;

    /// <summary>Command-line arguments, and compile options, each. Default 64.</summary>
    public int MaxArgs { get; set; } = 64;

    /// <summary>Test cases in one request. Default 64.</summary>
    public int MaxTestCases { get; set; } = 64;

    /// <summary>Bytes of the expected output. Default 16 MiB.</summary>
    public int MaxExpectedOutputBytes { get; set; } = 16 << 20;
}
