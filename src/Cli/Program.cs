using CodeRunner.Cli;
using CodeRunner.Cli.Console;

return await CliApp.RunAsync(args, CliConsole.System());
