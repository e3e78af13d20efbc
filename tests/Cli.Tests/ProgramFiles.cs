namespace CodeRunner.Tests;

/// <summary>A temporary directory of program files for one test, deleted after it.</summary>
public sealed class ProgramFiles : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("coderun-cli-files-");

    public string Write(string name, string content) => Write(name, System.Text.Encoding.UTF8.GetBytes(content));

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(_directory.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
