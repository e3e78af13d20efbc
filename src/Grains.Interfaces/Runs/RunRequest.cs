namespace CodeRunner.Runs;

/// <summary>One program to compile (when its language compiles) and run once.</summary>
/// <param name="Language">A language id from the catalog, such as <c>python</c> or <c>c</c>.</param>
/// <param name="Files">The program's files; the first one is the entry point when the language runs a named file.</param>
/// <param name="Stdin">Standard input of the run step.</param>
/// <param name="StdinEncoding">How <paramref name="Stdin"/> is encoded.</param>
/// <param name="Args">Command-line arguments of the run step.</param>
/// <param name="CompileOptions">Extra compiler options, placed where the language's compile command says.</param>
/// <param name="Limits">Limits of the run step; unset ones take the language's defaults.</param>
/// <param name="ExpectedOutput">When set, stdout is compared with it and a mismatch is WrongAnswer.</param>
/// <param name="Comparison">How stdout is compared with <paramref name="ExpectedOutput"/>.</param>
/// <param name="OutputEncoding">How stdout, stderr and compile output are returned.</param>
/// <param name="TestCases">When given, the program is compiled once and run once per case, each judged; <paramref name="Stdin"/> and <paramref name="ExpectedOutput"/> are then not used.</param>
public sealed record RunRequest(
    string Language,
    IReadOnlyList<SourceFile> Files,
    string? Stdin = null,
    ContentEncoding StdinEncoding = ContentEncoding.Utf8,
    IReadOnlyList<string>? Args = null,
    IReadOnlyList<string>? CompileOptions = null,
    ResourceLimits? Limits = null,
    string? ExpectedOutput = null,
    OutputComparison Comparison = OutputComparison.IgnoreTrailingWhitespace,
    ContentEncoding OutputEncoding = ContentEncoding.Utf8,
    IReadOnlyList<TestCase>? TestCases = null);
