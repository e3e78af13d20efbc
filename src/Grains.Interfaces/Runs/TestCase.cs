namespace CodeRunner.Runs;

/// <summary>One input of a judged run: the program is compiled once and run once per case.</summary>
/// <param name="Stdin">Standard input of this case (encoded as the request's <c>StdinEncoding</c> says).</param>
/// <param name="ExpectedOutput">What stdout must be; null only checks that the program succeeds.</param>
public sealed record TestCase(string? Stdin, string? ExpectedOutput);
