using System.CommandLine;
using CodeRunner.Cli.Console;
using CodeRunner.Runs;

namespace CodeRunner.Cli.Running;

/// <summary><c>coderun run FILE…</c>: its arguments and options; <see cref="RunHandler"/> does the work.</summary>
public static class RunCommand
{
    public static Command Create(CommonOptions common, CliConsole console)
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "The program's files; the first is the entry point", Arity = ArgumentArity.OneOrMore };
        var language = new Option<string?>("--language", "-l") { HelpName = "ID", Description = "The language's id or alias (default: from the first file's extension)" };
        var stdin = new Option<string?>("--stdin") { HelpName = "TEXT", Description = "Standard input for the program (default: this command's stdin when it is a pipe or a file)" };
        var cpuTime = new Option<int?>("--cpu-time") { Description = "CPU time limit, in milliseconds", HelpName = "MS" };
        var wallTime = new Option<int?>("--wall-time") { Description = "Wall-clock time limit, in milliseconds", HelpName = "MS" };
        var memory = new Option<long?>("--memory") { Description = "Memory limit, in MiB", HelpName = "MB" };
        var args = new Option<string[]>("--arg") { Description = "A command-line argument for the program (repeat for more)", HelpName = "A" };
        var expected = new Option<FileInfo?>("--expected") { HelpName = "FILE", Description = "Judge stdout against this file's content (WrongAnswer on mismatch)" };
        var json = new Option<bool>("--json") { Description = "Print the final submission document as JSON on stdout instead of the program's output" };

        var command = new Command("run", "Run a program on the service and exit with its exit code")
        {
            files, language, stdin, cpuTime, wallTime, memory, args, expected, json,
        };
        command.SetAction((parse, ct) => CommandErrors.GuardAsync(console, async () =>
        {
            var options = new RunOptions(
                parse.GetRequiredValue(files),
                parse.GetValue(language),
                parse.GetValue(stdin),
                Limits(parse.GetValue(cpuTime), parse.GetValue(wallTime), parse.GetValue(memory)),
                parse.GetValue(args) ?? [],
                parse.GetValue(expected),
                parse.GetValue(json));
            using var http = common.CreateHttp(parse, console.Environment);
            return await new RunHandler(http, console).RunAsync(options, ct);
        }));
        return command;
    }

    private static ResourceLimits? Limits(int? cpuTimeMs, int? wallTimeMs, long? memoryMiB)
    {
        if (cpuTimeMs is <= 0 || wallTimeMs is <= 0 || memoryMiB is <= 0)
            throw new UsageException("limits must be positive");
        return cpuTimeMs is null && wallTimeMs is null && memoryMiB is null
            ? null
            : new ResourceLimits(cpuTimeMs, wallTimeMs, memoryMiB * 1024 * 1024);
    }
}
