using System.CommandLine;
using System.Text;
using CodeRunner.Cli.Console;
using CodeRunner.Cli.Http;
using CodeRunner.Languages;

namespace CodeRunner.Cli.Languages;

/// <summary><c>coderun languages</c>: the service's languages as a table.</summary>
public static class LanguagesCommand
{
    public static Command Create(CommonOptions common, CliConsole console)
    {
        var command = new Command("languages", "List the languages the service runs");
        command.SetAction((parse, ct) => CommandErrors.GuardAsync(console, async () =>
        {
            using var http = common.CreateHttp(parse, console.Environment);
            var languages = await new CodeRunClient(http).GetLanguagesAsync(ct);
            console.Out(Table(languages));
            return 0;
        }));
        return command;
    }

    public static string Table(IReadOnlyList<LanguageInfo> languages)
    {
        string[] header = ["ID", "NAME", "VERSION", "EXTENSIONS"];
        var rows = languages.Select(l => new[] { l.Id, l.Name, l.Version, string.Join(" ", l.Extensions) }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
            text.AppendJoin("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).Append('\n');
        return text.ToString();
    }
}
