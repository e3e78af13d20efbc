using CodeRunner.Languages;
using CodeRunner.Sandboxes;
using CodeRunner.Sandboxes.Launcher;

namespace CodeRunner.Runs;

/// <summary>A checked request turned into what the sandbox does: files, an optional compile step, the run step.</summary>
public sealed record RunPlan(
    Language Language,
    IReadOnlyList<PlacedFile> Files,
    ExecCommand? Compile,
    ExecCommand Run,
    byte[] Stdin,
    byte[]? ExpectedOutput,
    OutputComparison Comparison,
    ContentEncoding OutputEncoding,
    IReadOnlyList<PlannedTestCase>? TestCases = null);

/// <summary>A test case's stdin and expected output, decoded.</summary>
public sealed record PlannedTestCase(byte[] Stdin, byte[]? ExpectedOutput);
