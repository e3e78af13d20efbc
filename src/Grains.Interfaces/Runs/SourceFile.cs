namespace CodeRunner.Runs;

/// <summary>A file placed in the run's fresh work directory before the compile step.</summary>
/// <param name="Name">A relative path: '/' separates directories; no '..', '.', empty or absolute parts, no NUL.</param>
/// <param name="Content">The file's content, encoded as <paramref name="Encoding"/> says.</param>
/// <param name="Encoding">How <paramref name="Content"/> is encoded.</param>
public sealed record SourceFile(string Name, string Content, ContentEncoding Encoding = ContentEncoding.Utf8);
