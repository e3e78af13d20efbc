using System.Text;
using CodeRunner.Languages;
using CodeRunner.Sandboxes;
using CodeRunner.Sandboxes.Launcher;

namespace CodeRunner.Runs;

/// <summary>Checks a request against the catalog and the size caps, and turns it into a <see cref="RunPlan"/>.</summary>
public static class RunPlanner
{
    /// <summary>The environment every step starts from; the language's own variables are added to it.</summary>
    private static readonly IReadOnlyDictionary<string, string> BaseEnvironment = new Dictionary<string, string>
    {
        ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        ["HOME"] = "/sandbox",
        ["TMPDIR"] = "/tmp",
        ["USER"] = "runner",
        ["LOGNAME"] = "runner",
        ["LANG"] = "C.UTF-8",
        ["LC_ALL"] = "C.UTF-8",
    };

    public static RunPlan Plan(RunRequest request, LanguageCatalog catalog, RunOptions options)
    {
        var errors = new Errors();
        var language = string.IsNullOrWhiteSpace(request.Language) ? null : catalog.Find(request.Language);
        if (string.IsNullOrWhiteSpace(request.Language))
            errors.Add(RunRequestProblem.Invalid, "language", "a language is required");
        else if (language is null)
            errors.Add(RunRequestProblem.Unprocessable, "language", $"unknown language '{request.Language}'; GET /api/v1/languages lists them");

        var files = PlanFiles(request.Files, options, errors);
        var stdin = Decode(request.Stdin, request.StdinEncoding, "stdin", errors);
        if (stdin.Length > options.MaxStdinBytes)
            errors.Add(RunRequestProblem.TooLarge, "stdin", $"stdin is {stdin.Length} bytes; at most {options.MaxStdinBytes} are allowed");
        var expected = request.ExpectedOutput is null ? null : Encoding.UTF8.GetBytes(request.ExpectedOutput);
        if (expected is not null && expected.Length > options.MaxExpectedOutputBytes)
            errors.Add(RunRequestProblem.TooLarge, "expectedOutput", $"at most {options.MaxExpectedOutputBytes} bytes are allowed");
        CheckArguments(request.Args, "args", options, errors);
        CheckArguments(request.CompileOptions, "compileOptions", options, errors);
        if (language is not null && language.Definition.Compile is null && request.CompileOptions is { Count: > 0 })
            errors.Add(RunRequestProblem.Unprocessable, "compileOptions", $"{language.Id} has no compile step");
        var limits = language is null ? null : ResolveLimits(request.Limits, language, errors);
        var testCases = PlanTestCases(request, options, errors);
        errors.ThrowIfAny();

        var definition = language!.Definition;
        var entry = files[0].Name;
        var sources = files.Select(f => f.Name).Where(n => definition.Extensions.Any(x => n.EndsWith(x, StringComparison.Ordinal))).ToList();
        if (sources.Count == 0)
            sources.Add(entry);
        var env = BaseEnvironment.Concat(definition.Env)
            .GroupBy(kv => kv.Key).Select(g => $"{g.Key}={g.Last().Value}").ToList();

        ExecCommand? compile = null;
        if (definition.Compile is { } compileArgv)
        {
            var c = definition.CompileLimits!;
            compile = new ExecCommand(
                Expand(compileArgv, entry, sources, request.CompileOptions ?? [], []), env,
                c.CpuTimeMs, c.WallTimeMs, c.MemoryBytes, c.FileSizeBytes, c.StdoutBytes, c.StderrBytes);
        }
        var run = new ExecCommand(
            Expand(definition.Run, entry, sources, [], request.Args ?? []), env,
            limits!.CpuTimeMs, limits.WallTimeMs, limits.MemoryBytes, limits.FileSizeBytes, limits.StdoutBytes, limits.StderrBytes);
        return new RunPlan(language, files, compile, run, stdin, expected, request.Comparison, request.OutputEncoding, testCases);
    }

    private static List<PlannedTestCase>? PlanTestCases(RunRequest request, RunOptions options, Errors errors)
    {
        if (request.TestCases is not { } cases)
            return null;
        if (request.Stdin is not null || request.ExpectedOutput is not null)
            errors.Add(RunRequestProblem.Invalid, "testCases", "give stdin and expectedOutput inside each test case, not beside them");
        if (cases.Count == 0)
            errors.Add(RunRequestProblem.Invalid, "testCases", "give at least one test case, or none at all");
        if (cases.Count > options.MaxTestCases)
        {
            errors.Add(RunRequestProblem.TooLarge, "testCases", $"{cases.Count} test cases; at most {options.MaxTestCases} are allowed");
            return null;
        }
        var planned = new List<PlannedTestCase>();
        long stdinBytes = 0, expectedBytes = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i] is not { } testCase)
            {
                errors.Add(RunRequestProblem.Invalid, $"testCases[{i}]", "a test case may not be null");
                continue;
            }
            var stdin = Decode(testCase.Stdin, request.StdinEncoding, $"testCases[{i}].stdin", errors);
            var expected = testCase.ExpectedOutput is null ? null : Encoding.UTF8.GetBytes(testCase.ExpectedOutput);
            stdinBytes += stdin.Length;
            expectedBytes += expected?.Length ?? 0;
            planned.Add(new PlannedTestCase(stdin, expected));
        }
        if (stdinBytes > options.MaxStdinBytes)
            errors.Add(RunRequestProblem.TooLarge, "testCases", $"the test cases' stdin is {stdinBytes} bytes together; at most {options.MaxStdinBytes} are allowed");
        if (expectedBytes > options.MaxExpectedOutputBytes)
            errors.Add(RunRequestProblem.TooLarge, "testCases", $"the expected outputs are {expectedBytes} bytes together; at most {options.MaxExpectedOutputBytes} are allowed");
        return planned;
    }

    private static List<PlacedFile> PlanFiles(IReadOnlyList<SourceFile>? files, RunOptions options, Errors errors)
    {
        var planned = new List<PlacedFile>();
        if (files is null || files.Count == 0)
        {
            errors.Add(RunRequestProblem.Invalid, "files", "at least one file is required");
            return planned;
        }
        if (files.Count > options.MaxFiles)
        {
            errors.Add(RunRequestProblem.TooLarge, "files", $"{files.Count} files; at most {options.MaxFiles} are allowed");
            return planned;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (file is null)
            {
                errors.Add(RunRequestProblem.Invalid, $"files[{i}]", "a file may not be null");
                continue;
            }
            if (FileNames.Problem(file.Name) is { } problem)
                errors.Add(RunRequestProblem.Invalid, $"files[{i}].name", problem);
            else if (!names.Add(file.Name))
                errors.Add(RunRequestProblem.Invalid, $"files[{i}].name", $"'{file.Name}' is given twice");
            var content = Decode(file.Content, file.Encoding, $"files[{i}].content", errors);
            total += content.Length;
            planned.Add(new PlacedFile(file.Name ?? "", content));
        }
        // A name may not be both a file and a directory ("a" and "a/b").
        foreach (var name in names)
        {
            for (var slash = name.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = name.IndexOf('/', slash + 1))
            {
                if (names.Contains(name[..slash]))
                    errors.Add(RunRequestProblem.Invalid, "files", $"'{name[..slash]}' is both a file and a directory");
            }
        }
        if (total > options.MaxSourceBytes)
            errors.Add(RunRequestProblem.TooLarge, "files", $"the files are {total} bytes together; at most {options.MaxSourceBytes} are allowed");
        return planned;
    }

    private static byte[] Decode(string? content, ContentEncoding encoding, string field, Errors errors)
    {
        if (content is null)
            return [];
        if (encoding == ContentEncoding.Utf8)
            return Encoding.UTF8.GetBytes(content);
        try
        {
            return Convert.FromBase64String(content);
        }
        catch (FormatException)
        {
            errors.Add(RunRequestProblem.Invalid, field, "is not valid base64");
            return [];
        }
    }

    private static void CheckArguments(IReadOnlyList<string>? args, string field, RunOptions options, Errors errors)
    {
        if (args is null)
            return;
        if (args.Count > options.MaxArgs)
            errors.Add(RunRequestProblem.TooLarge, field, $"at most {options.MaxArgs} are allowed");
        if (args.Any(a => a is null || a.Contains('\0', StringComparison.Ordinal) || a.Length > 4096))
            errors.Add(RunRequestProblem.Invalid, field, "each must be a string of at most 4096 characters without NUL");
    }

    private static ResourceLimitValues ResolveLimits(ResourceLimits? requested, Language language, Errors errors)
    {
        var d = language.Definition.Limits.Default;
        var max = language.Definition.Limits.Maximum;
        if (requested is null)
            return d;
        long Pick(long? value, long fallback, long maximum, string name)
        {
            if (value is null)
                return fallback;
            if (value <= 0)
                errors.Add(RunRequestProblem.Invalid, $"limits.{name}", "must be positive");
            else if (value > maximum)
                errors.Add(RunRequestProblem.Unprocessable, $"limits.{name}", $"{value} is above the maximum {maximum} for {language.Id}");
            return value.Value;
        }
        return new ResourceLimitValues(
            (int)Pick(requested.CpuTimeMs, d.CpuTimeMs, max.CpuTimeMs, "cpuTimeMs"),
            (int)Pick(requested.WallTimeMs, d.WallTimeMs, max.WallTimeMs, "wallTimeMs"),
            Pick(requested.MemoryBytes, d.MemoryBytes, max.MemoryBytes, "memoryBytes"),
            Pick(requested.FileSizeBytes, d.FileSizeBytes, max.FileSizeBytes, "fileSizeBytes"),
            (int)Pick(requested.StdoutBytes, d.StdoutBytes, max.StdoutBytes, "stdoutBytes"),
            (int)Pick(requested.StderrBytes, d.StderrBytes, max.StderrBytes, "stderrBytes"));
    }

    /// <summary>Replaces whole-argument placeholders; each may stand for zero or more arguments.</summary>
    private static List<string> Expand(IReadOnlyList<string> argv, string entry, List<string> sources, IReadOnlyList<string> options, IReadOnlyList<string> args) =>
        argv.SelectMany(a => a switch
        {
            "{entry}" => [entry],
            "{sources}" => sources,
            "{options}" => options,
            "{args}" => args,
            _ => (IEnumerable<string>)[a],
        }).ToList();

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _byField = [];
        private RunRequestProblem _worst = RunRequestProblem.Invalid;
        private bool _any;

        public void Add(RunRequestProblem problem, string field, string message)
        {
            // 400 outranks 413 outranks 422: fix the form before the size, the size before the content.
            _worst = !_any ? problem : (RunRequestProblem)Math.Min((int)_worst, (int)problem);
            _any = true;
            (_byField.TryGetValue(field, out var list) ? list : _byField[field] = []).Add(message);
        }

        public void ThrowIfAny()
        {
            if (_any)
                throw new RunRequestException(_worst, _byField.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
