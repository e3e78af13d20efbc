using System.CommandLine;
using CodeRunner.Cli.Console;
using CodeRunner.Cli.Languages;
using CodeRunner.Cli.Running;

namespace CodeRunner.Cli;

/// <summary>The <c>coderun</c> command tree. <see cref="RunAsync"/> is the whole program, callable in process with other streams.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken ct = default)
    {
        var common = new CommonOptions();
        var root = new RootCommand("coderun: run programs on a CodeRunner service")
        {
            common.Endpoint,
            common.ApiKey,
            RunCommand.Create(common, console),
            LanguagesCommand.Create(common, console),
        };
        var parse = root.Parse(args);
        var (output, error) = console.Writers();
        await using (output)
        await using (error)
        {
            if (parse.Errors.Count > 0)
            {
                foreach (var e in parse.Errors)
                    console.Error(e.Message);
                console.Error("see coderun --help");
                return ExitCodes.Usage;
            }
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct);
        }
    }
}
