using CodeRunner.Submissions;
using System.Text.Json;
using CodeRunner.Cli.Console;
using CodeRunner.Cli.Http;
using CodeRunner.Runs;

namespace CodeRunner.Cli.Running;

/// <summary>
/// Submits a program, follows it with a spinner on a terminal, and replays its result: stdout to
/// stdout and stderr to stderr byte for byte (output is asked for as base64), then the verdict line.
/// </summary>
public sealed class RunHandler(HttpClient http, CliConsole console)
{
    private readonly CodeRunClient _client = new(http);

    public async Task<int> RunAsync(RunOptions options, CancellationToken ct)
    {
        foreach (var file in options.Files.Where(f => !f.Exists))
            throw new UsageException($"{file} does not exist");
        var body = await BodyAsync(options, ct);
        JsonElement final;
        Guid? id = null;
        await using (var spinner = new Spinner(console))
        {
            try
            {
                var submitted = await _client.SubmitAsync(body, ct);
                id = submitted.GetProperty("id").GetGuid();
                final = await SubmissionFollower.FollowAsync(_client, submitted, s => spinner.Status = s, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await CancelQuietlyAsync(id);
                console.Error(id is null ? "interrupted" : $"interrupted; cancelled submission {id}");
                return ExitCodes.Interrupted;
            }
        }
        var document = final.Deserialize<SubmissionDocument>(CliJson.Options)!;
        if (options.Json)
            console.Out(JsonSerializer.Serialize(final, CliJson.Indented) + "\n");
        else
            Replay(document);
        return Outcome.ExitCodeOf(document);
    }

    private async Task<SubmissionBody> BodyAsync(RunOptions options, CancellationToken ct)
    {
        var language = await LanguageChooser.ChooseAsync(options.Language, options.Files[0], _client, ct);
        var files = await SourceFiles.ReadAsync(options.Files, ct);
        var (stdin, stdinEncoding) = await StdinAsync(options, ct);
        var expected = options.Expected is { } path ? await ReadExpectedAsync(path, ct) : null;
        return new SubmissionBody(language, files, stdin, stdinEncoding, options.Args.Count > 0 ? options.Args : null,
            options.Limits, expected, ContentEncoding.Base64);
    }

    private async Task<(string?, ContentEncoding)> StdinAsync(RunOptions options, CancellationToken ct)
    {
        if (options.Stdin is not null)
            return (options.Stdin, ContentEncoding.Utf8);
        // A terminal is left alone: reading it would wait for the user to type Ctrl+D.
        if (!console.StdinRedirected)
            return (null, ContentEncoding.Utf8);
        using var buffer = new MemoryStream();
        await console.Stdin.CopyToAsync(buffer, ct);
        return buffer.Length == 0 ? (null, ContentEncoding.Utf8) : Payload.Encode(buffer.ToArray());
    }

    private static async Task<string> ReadExpectedAsync(FileInfo path, CancellationToken ct)
    {
        try
        {
            return await File.ReadAllTextAsync(path.FullName, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {e.Message}");
        }
    }

    private void Replay(SubmissionDocument document)
    {
        if (document.Verdict == Verdict.CompilationError)
            console.WriteStderr(Payload.Decode(document.CompileOutput, document.OutputEncoding));
        console.WriteStdout(Payload.Decode(document.Stdout, document.OutputEncoding));
        console.WriteStderr(Payload.Decode(document.Stderr, document.OutputEncoding));
        console.Error(Outcome.Summary(document));
    }

    /// <summary>Best effort with its own short deadline: the user's token is already cancelled.</summary>
    private async Task CancelQuietlyAsync(Guid? id)
    {
        if (id is null)
            return;
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _client.CancelAsync(id.Value, deadline.Token);
        }
        catch (Exception e) when (e is HttpRequestException or ServiceException or OperationCanceledException)
        {
            // Nothing more to do: the service's wall-time limit ends the run anyway.
        }
    }
}
