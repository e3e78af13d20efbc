using CodeRunner.Runs;

namespace CodeRunner.Cli.Running;

/// <summary>The files of a run: the first is the entry point, and every name is relative to its directory.</summary>
public static class SourceFiles
{
    public static async Task<IReadOnlyList<SourceFile>> ReadAsync(IReadOnlyList<FileInfo> files, CancellationToken ct)
    {
        var root = files[0].DirectoryName ?? ".";
        var result = new List<SourceFile>(files.Count);
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            // The service takes no '..' in names: a file outside the entry point's directory has no place in the run's.
            if (name.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(name))
                throw new UsageException($"{file} is not under {root}, the directory of {files[0].Name}");
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file.FullName, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read {file}: {e.Message}");
            }
            var (content, encoding) = Payload.Encode(bytes);
            result.Add(new SourceFile(name, content, encoding));
        }
        return result;
    }
}
