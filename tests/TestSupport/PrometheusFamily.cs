namespace CodeRunner.Tests.Support;

/// <summary>A metric family: its HELP text, its TYPE, and its samples in the order written.</summary>
public sealed record PrometheusFamily(string Name, string Help, string Type, IReadOnlyList<PrometheusSample> Samples);
