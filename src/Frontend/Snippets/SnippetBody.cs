using System.Text;
using CodeRunner.Languages;
using CodeRunner.Runs;
using CodeRunner.Storage;

namespace CodeRunner.Frontend.Snippets;

/// <summary>The body of <c>POST /api/v1/snippets</c>: what the playground shares.</summary>
/// <param name="Language">A language id or alias.</param>
/// <param name="Files">The files, the entry point first.</param>
/// <param name="Stdin">The standard input of a batch run, optional.</param>
public sealed record SnippetBody(string? Language, IReadOnlyList<SnippetFile>? Files, string? Stdin = null)
{
    /// <summary>The snippet to store under <paramref name="id"/>; a problem naming the field (400, 413, 422) when the body is not one.</summary>
    public NewSnippet ToSnippet(string id, IReadOnlyList<LanguageInfo> languages, SnippetOptions options, string? creator)
    {
        if (string.IsNullOrWhiteSpace(Language))
            throw Problem(RunRequestProblem.Invalid, "language", "a language is required");
        var language = Frontend.Languages.LanguageNames.Find(languages, Language)
            ?? throw Problem(RunRequestProblem.Unprocessable, "language", $"no language '{Language}'");
        if (Files is not { Count: > 0 })
            throw Problem(RunRequestProblem.Invalid, "files", "at least one file is required");
        if (Files.Count > options.MaxFiles)
            throw Problem(RunRequestProblem.TooLarge, "files", $"at most {options.MaxFiles} files");
        var names = new HashSet<string>(StringComparer.Ordinal);
        long bytes = 0;
        for (var i = 0; i < Files.Count; i++)
        {
            var file = Files[i] ?? throw Problem(RunRequestProblem.Invalid, $"files[{i}]", "a file is required");
            if (FileNames.Problem(file.Name) is { } problem)
                throw Problem(RunRequestProblem.Invalid, $"files[{i}].name", problem);
            if (!names.Add(file.Name!))
                throw Problem(RunRequestProblem.Invalid, $"files[{i}].name", $"two files are named '{file.Name}'");
            if (file.Content is null)
                throw Problem(RunRequestProblem.Invalid, $"files[{i}].content", "the content is required (it may be empty)");
            bytes += Encoding.UTF8.GetByteCount(file.Content);
            if (bytes > options.MaxSourceBytes)
                throw Problem(RunRequestProblem.TooLarge, $"files[{i}].content", $"the files may hold at most {options.MaxSourceBytes} bytes together");
        }
        if (Stdin is not null && Encoding.UTF8.GetByteCount(Stdin) > options.MaxStdinBytes)
            throw Problem(RunRequestProblem.TooLarge, "stdin", $"at most {options.MaxStdinBytes} bytes");
        return new NewSnippet(id, language.Id, [.. Files.Select(f => new SourceFile(f.Name!, f.Content!))], Stdin, creator);
    }

    private static RunRequestException Problem(RunRequestProblem problem, string field, string message) =>
        RunRequestException.For(problem, field, message);
}
