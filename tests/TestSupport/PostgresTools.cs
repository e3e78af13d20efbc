namespace CodeRunner.Tests.Support;

/// <summary>
/// Runs PostgreSQL's own tools (initdb, pg_ctl) from Debian's <c>postgresql</c> package. PostgreSQL
/// refuses to run as root, and tests do run as root here, so the tools then run as the
/// <c>postgres</c> OS user through <c>runuser</c>.
/// </summary>
internal static class PostgresTools
{
    private static readonly bool IsRoot = Environment.UserName == "root";

    /// <summary>The tools' directory: <c>CODERUN_PG_BIN</c> when set, else the newest <c>/usr/lib/postgresql/N/bin</c>.</summary>
    public static string BinDirectory { get; } = FindBinDirectory();

    public static Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments, string workingDirectory, CancellationToken ct)
    {
        var path = Path.Combine(BinDirectory, tool);
        return IsRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], workingDirectory, ct)
            : ProcessRunner.RunAsync(path, arguments, workingDirectory, ct);
    }

    public static async Task RunCheckedAsync(string tool, IEnumerable<string> arguments, string workingDirectory, CancellationToken ct)
    {
        var args = arguments.ToList();
        var (exitCode, output) = await RunAsync(tool, args, workingDirectory, ct);
        if (exitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited with {exitCode}:\n{output}");
    }

    /// <summary>Gives a directory to the user the server runs as, so initdb can create the data directory in it.</summary>
    public static async Task OwnAsync(string directory, CancellationToken ct)
    {
        if (IsRoot)
            await ProcessRunner.RunCheckedAsync("chown", ["postgres:postgres", directory], Path.GetTempPath(), ct);
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("CODERUN_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        var newest = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Dir, "bin", "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            "PostgreSQL's binaries were not found under /usr/lib/postgresql (run scripts/setup-host.sh, or set CODERUN_PG_BIN).");
    }
}
