namespace CodeRunner.Tests.Support;

/// <summary>
/// Servers left behind by test processes that died before disposing their fixtures (a killed test
/// host): each server directory is named after the process that made it, and a directory whose
/// process is gone has its server stopped and is deleted.
/// </summary>
internal static class PostgresOrphans
{
    public static async Task RemoveAsync(string root, CancellationToken ct)
    {
        if (!Directory.Exists(root))
            return;
        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            var name = Path.GetFileName(directory);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name[..dash], out var pid) || Directory.Exists($"/proc/{pid}"))
                continue;
            try
            {
                var data = Path.Combine(directory, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                    await PostgresTools.RunAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], root, ct);
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another process is sweeping the same directory at the same time; one of them wins.
            }
        }
    }
}
