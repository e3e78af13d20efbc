using System.Diagnostics;
using System.Text;

namespace CodeRunner.Cli.Console;

/// <summary>
/// A one-line spinner on stderr with the submission's status and the time spent, drawn only when
/// stderr is a terminal: redirected stderr gets nothing, so logs and tests see no control characters.
/// </summary>
public sealed class Spinner : IAsyncDisposable
{
    private static readonly string[] Frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    private readonly CliConsole _console;
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly Task _drawing;
    private volatile string _status = "Submitting";

    public Spinner(CliConsole console)
    {
        _console = console;
        _drawing = console.StderrIsTerminal ? DrawAsync() : Task.CompletedTask;
    }

    public string Status
    {
        set => _status = value;
    }

    private async Task DrawAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var frame = 0;
        try
        {
            do
            {
                var line = $"\r{Frames[frame++ % Frames.Length]} {_status} {_elapsed.Elapsed.TotalSeconds:0.0}s\x1b[K";
                _console.WriteStderr(Encoding.UTF8.GetBytes(line));
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Stops drawing and erases the line, before the program's output is written.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _drawing;
        if (_console.StderrIsTerminal)
            _console.WriteStderr("\r\x1b[K"u8);
        _stop.Dispose();
    }
}
