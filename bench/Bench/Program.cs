using CodeRunner.Bench;

// Warm-path benchmark (docs/performance.md): hello world in Python and C through warm sandboxes on
// runc and runsc, beside the bare process on the host and a fresh `docker run --rm` per request,
// all measured in interleaved rounds of the same run. Usage: bench [--seconds N] [--rounds N]
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(double.Parse).FirstOrDefault(2.0);
var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(3);
return await WarmPathBenchmark.RunAsync(TimeSpan.FromSeconds(seconds), rounds);
