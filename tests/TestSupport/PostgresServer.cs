using Npgsql;
using Xunit;

namespace CodeRunner.Tests.Support;

/// <summary>
/// A private PostgreSQL server, started by the tests themselves: its own data directory under
/// <c>/tmp/coderun-pg</c>, a free loopback port, and its unix socket in its own directory, so any
/// number of servers from any number of test classes and test processes run side by side, and
/// none touches the host's cluster or port 5432. Use it as an xunit class or collection fixture,
/// or on its own through <see cref="StartNewAsync"/>; disposing stops it and deletes its files.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime, IAsyncDisposable
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "coderun-pg");
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private const int PortAttempts = 5;

    private string? _directory;
    private bool _running;

    /// <summary>The loopback TCP port it listens on (kept across <see cref="StopAsync"/> and <see cref="StartAsync"/>).</summary>
    public int Port { get; private set; }

    /// <summary>The server's own directory: data directory, socket and log.</summary>
    public string Directory => _directory ?? throw new InvalidOperationException("The server was not started.");

    private string DataDirectory => Path.Combine(Directory, "data");

    private string LogFile => Path.Combine(Directory, "postgres.log");

    /// <summary>The superuser on the <c>postgres</c> database.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        // Tests that stop the server expect commands to fail soon, not after Npgsql's default 15 s.
        Timeout = 5,
    }.ConnectionString;

    /// <summary>Makes and starts a server outside xunit's fixture life cycle.</summary>
    public static async Task<PostgresServer> StartNewAsync(CancellationToken ct = default)
    {
        var server = new PostgresServer();
        try
        {
            await server.CreateAsync(ct);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    Task IAsyncLifetime.InitializeAsync() => CreateAsync(CancellationToken.None);

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Creates an empty database (from template0, so concurrent creations never contend for template1) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken ct = default)
    {
        name ??= $"test_{Guid.NewGuid():N}";
        if (!name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            throw new ArgumentException("A database name here is lower-case letters, digits and '_'.", nameof(name));
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0", connection);
        await command.ExecuteNonQueryAsync(ct);
        return ConnectionStringFor(name);
    }

    /// <summary>Stops the server (fast shutdown: sessions are ended), keeping its data and port.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        await PostgresTools.RunCheckedAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], Directory, ct);
        _running = false;
    }

    /// <summary>
    /// Crashes the server: SIGKILL to the postmaster and every backend, so clients' connections end
    /// with no message (as after a power cut or the OOM killer), not with the shutdown notice a
    /// stop sends. <see cref="StartAsync"/> then runs crash recovery.
    /// </summary>
    public async Task CrashAsync(CancellationToken ct = default)
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var pid in ChildrenOf(postmaster).Append(postmaster))
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(); // SIGKILL
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // gone already
            }
        }
        await Eventually.True(() => IsGone(postmaster), TimeSpan.FromSeconds(30), "the postmaster is gone");
        // Its zombie keeps the lock files' pid alive until init reaps it, which init here is slow to do.
        File.Delete(Path.Combine(DataDirectory, "postmaster.pid"));
        File.Delete(Path.Combine(Directory, $".s.PGSQL.{Port}.lock"));
        _running = false;
    }

    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var entry in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid))
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(entry, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // state, ppid, ...
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == parent)
                    children.Add(pid);
            }
            catch (IOException)
            {
                // exited meanwhile
            }
        }
        return children;
    }

    /// <summary>No such process, or a zombie that its parent (init here) has yet to reap.</summary>
    private static bool IsGone(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Starts the stopped server again, on the same data directory and port.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        if (!await TryStartAsync(ct))
            throw new InvalidOperationException($"Port {Port} was taken while the server was stopped.\n{ReadLog()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is null)
            return;
        if (_running)
        {
            // Immediate: the data is thrown away anyway.
            await PostgresTools.RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], Directory, CancellationToken.None);
            _running = false;
        }
        LoopbackPorts.Return(Port);
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A straggling server process may still be writing; the next fixture's orphan sweep removes it.
        }
        _directory = null;
    }

    private async Task CreateAsync(CancellationToken ct)
    {
        await PostgresOrphans.RemoveAsync(Root, ct);
        System.IO.Directory.CreateDirectory(Root);
        _directory = Path.Combine(Root, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(_directory);
        await PostgresTools.OwnAsync(_directory, ct);
        await PostgresTools.RunCheckedAsync("initdb",
            ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            Directory, ct);

        for (var attempt = 1; attempt <= PortAttempts; attempt++)
        {
            Port = LoopbackPorts.Take();
            if (await TryStartAsync(ct))
                return;
            LoopbackPorts.Return(Port);
        }
        throw new InvalidOperationException($"PostgreSQL found no free port in {PortAttempts} attempts.\n{ReadLog()}");
    }

    /// <summary>Starts the server on <see cref="Port"/>; false when the port is taken, an exception for any other failure.</summary>
    private async Task<bool> TryStartAsync(CancellationToken ct)
    {
        // The socket lives in the server's own directory (never /var/run/postgresql); fsync and friends
        // are off because the data is thrown away; a few hundred connections cover parallel test classes.
        var options = $"-p {Port} -h 127.0.0.1 -k {Directory} -F -c synchronous_commit=off -c full_page_writes=off " +
                      "-c max_connections=300 -c shared_buffers=16MB";
        var logStart = LogLength();
        var (exitCode, output) = await PostgresTools.RunAsync("pg_ctl",
            ["-D", DataDirectory, "-l", LogFile, "-o", options, "-w", "-t", "60", "start"], Directory, ct);
        if (exitCode != 0)
        {
            var log = ReadLog(logStart);
            if (log.Contains("could not bind", StringComparison.Ordinal) || log.Contains("Address already in use", StringComparison.Ordinal))
                return false;
            throw new InvalidOperationException($"pg_ctl start exited with {exitCode}:\n{output}\n{log}");
        }
        _running = true;
        await WaitUntilReadyAsync(ct);
        return true;
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
                await connection.OpenAsync(ct);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, ct);
            }
        }
    }

    private long LogLength() => File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;

    private string ReadLog(long from = 0)
    {
        try
        {
            using var log = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            log.Seek(from, SeekOrigin.Begin);
            using var reader = new StreamReader(log);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }
}
