namespace CodeRunner.Bench;

/// <summary>
/// Measures hello world per variant and concurrency in interleaved rounds (every variant gets a
/// block in every round), so the machine's drift falls on all of them alike, and prints latency
/// percentiles, throughput and the ratios to the bare process measured in the same run.
/// </summary>
internal static class WarmPathBenchmark
{
    private const string PythonHello = "print('hello')";
    private const string CHello = "#include <stdio.h>\nint main(void){puts(\"hello\");return 0;}";
    private static readonly int[] Concurrencies = [1, 2, 4];

    public static async Task<int> RunAsync(TimeSpan block, int rounds)
    {
        var work = Directory.CreateTempSubdirectory("coderun-bench-");
        await File.WriteAllTextAsync(Path.Combine(work.FullName, "main.py"), PythonHello);
        await File.WriteAllTextAsync(Path.Combine(work.FullName, "main.c"), CHello);
        Console.WriteLine($"# warm path benchmark: {rounds} rounds of {block.TotalSeconds:F1} s blocks per variant and concurrency, {Environment.ProcessorCount} cores");
        await using var runc = await Engine.StartAsync("runc", 4);
        await using var runsc = await Engine.StartAsync("runsc", 4);
        var python = runc.Pools.Catalog.Find("python")!.Image;
        var c = runc.Pools.Catalog.Find("c")!.Image;
        var hostPython = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

        Variant[] variants =
        [
            new("bare process", "python", async ct => await HostProcess.RunAsync(hostPython, ["main.py"], work.FullName, ct: ct) == "hello\n"),
            new("warm sandbox, runc", "python", ct => runc.HelloAsync("python", PythonHello, ct)),
            new("warm sandbox, runsc", "python", ct => runsc.HelloAsync("python", PythonHello, ct)),
            new("docker run --rm", "python", async ct => await HostProcess.RunAsync("docker",
                ["run", "--rm", "-i", "--network", "none", "--log-driver", "none", python, "python3", "-c", PythonHello], ct: ct) == "hello\n"),
            new("bare process", "c", ct => BareCAsync(work.FullName, ct)),
            new("warm sandbox, runc", "c", ct => runc.HelloAsync("c", CHello, ct)),
            new("warm sandbox, runsc", "c", ct => runsc.HelloAsync("c", CHello, ct)),
            new("docker run --rm", "c", async ct => await HostProcess.RunAsync("docker",
                ["run", "--rm", "-i", "--network", "none", "--log-driver", "none", "--tmpfs", "/sandbox:exec", c,
                 "sh", "-c", "cat > /sandbox/main.c && gcc -O2 -pipe -o /sandbox/main /sandbox/main.c -lm && /sandbox/main"], stdin: CHello, ct: ct) == "hello\n"),
        ];
        var results = await Blocks.RunRoundsAsync(variants, Concurrencies, block, rounds, warmUps: 3);
        Print(variants, results);
        work.Delete(recursive: true);
        return results.Values.Any(m => m.Failures > 0) ? 1 : 0;
    }

    /// <summary>Compile and run on the host, into a unique name so concurrent callers do not collide.</summary>
    private static async Task<bool> BareCAsync(string directory, CancellationToken ct)
    {
        var name = $"main-{Guid.NewGuid():N}";
        var output = await HostProcess.RunAsync("sh", ["-c", $"gcc -O2 -pipe -o {name} main.c -lm && ./{name}; rm -f {name}"], directory, ct: ct);
        return output == "hello\n";
    }

    private static void Print(Variant[] variants, Dictionary<(Variant, int), Measurements> results)
    {
        Console.WriteLine();
        Console.WriteLine("| language | variant | callers | runs | p50 ms | p95 ms | p99 ms | runs/s | p50 ÷ bare | runs/s ÷ bare | failures |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var language in variants.Select(v => v.Language).Distinct())
        {
            var bare = variants.First(v => v.Language == language && v.Name == "bare process");
            foreach (var n in Concurrencies)
            {
                var baseline = results[(bare, n)];
                foreach (var variant in variants.Where(v => v.Language == language))
                {
                    var m = results[(variant, n)];
                    Console.WriteLine($"| {language} | {variant.Name} | {n} | {m.Runs} | {m.Percentile(50):F1} | {m.Percentile(95):F1} | {m.Percentile(99):F1} | " +
                                      $"{m.RunsPerSecond:F1} | {m.Percentile(50) / baseline.Percentile(50):F2}× | {m.RunsPerSecond / baseline.RunsPerSecond:F2}× | {m.Failures} |");
                }
            }
        }
    }
}
