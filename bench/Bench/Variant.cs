namespace CodeRunner.Bench;

/// <summary>One way of running hello world: a name, and a function that runs it once and says whether it worked.</summary>
internal sealed record Variant(string Name, string Language, Func<CancellationToken, Task<bool>> RunOnce, int MaxConcurrency = 4);
