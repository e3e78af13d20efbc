using CodeRunner.Bench;

// Benchmarks (docs/performance.md), each against baselines measured in the same run:
//   bench [warm] [--seconds N] [--rounds N]   warm sandboxes vs the bare process and docker run --rm
//   bench cluster [--seconds N] [--rounds N]  the cluster path (embedded store, 3-silo PostgreSQL) vs a direct sandbox run
//   bench sessions [--seconds N] [--rounds N] an interactive session's keystroke-to-echo round trip vs a bare process with pipes
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(double.Parse).FirstOrDefault(2.0);
var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(3);
return args.FirstOrDefault() switch
{
    "cluster" => await ClusterBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), rounds),
    "sessions" => await SessionBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), rounds),
    _ => await WarmPathBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), rounds),
};
