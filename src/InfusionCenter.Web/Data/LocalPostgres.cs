using System.Globalization;
using Npgsql;

namespace InfusionCenter.Web.Data;

/// <summary>Settings for a private PostgreSQL cluster started from the machine's PostgreSQL binaries.</summary>
public sealed record LocalPostgresOptions
{
    /// <summary>Folder holding the cluster (created by initdb when empty).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Database the app uses inside the cluster (created when missing).</summary>
    public string Database { get; init; } = "infusioncenter";

    /// <summary>
    /// True for a cluster that holds a user's data (fsync on, full_page_writes on).
    /// False only for throwaway test clusters (fsync off: fast, not crash-safe).
    /// </summary>
    public bool Durable { get; init; } = true;

    /// <summary>Folder with initdb/pg_ctl; null finds the newest under /usr/lib/postgresql/*/bin.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>Delete the data directory when the cluster stops (test clusters).</summary>
    public bool DeleteOnStop { get; init; }
}

/// <summary>
/// Starts, and later stops, a private PostgreSQL cluster: the app's embedded default database
/// (durable, under .data/postgres) and the test fixtures' throwaway clusters (fsync off) use this
/// one class. When the process runs as root the PostgreSQL tools run as the <c>postgres</c> OS user,
/// because initdb and postgres refuse to run as root.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly LocalPostgresOptions _options;
    private readonly string _bin;
    private readonly bool _asPostgresUser;
    private readonly FileStream _ownerLock;
    private int _stopped;

    private LocalPostgres(LocalPostgresOptions options, string bin, int port, bool asPostgresUser, FileStream ownerLock)
    {
        _options = options;
        _bin = bin;
        Port = port;
        _asPostgresUser = asPostgresUser;
        _ownerLock = ownerLock;
    }

    public int Port { get; }

    public string DataDirectory => _options.DataDirectory;

    /// <summary>Connection string for the app's database in this cluster.</summary>
    public string ConnectionString => ConnectionStringFor(_options.Database);

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = true,
        IncludeErrorDetail = false,
    }.ConnectionString;

    public static async Task<LocalPostgres> StartAsync(LocalPostgresOptions options, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        log ??= _ => { };
        var bin = options.BinDirectory ?? PostgresTools.FindBinDirectory()
            ?? throw new InvalidOperationException(
                "No PostgreSQL server binaries found under /usr/lib/postgresql/*/bin. Install them (Debian: apt-get install postgresql) " +
                "or set ConnectionStrings:InfusionCenter to an existing server.");
        var asPostgresUser = Environment.UserName == "root" || PostgresTools.IsRoot();
        var dataDir = Path.GetFullPath(options.DataDirectory);
        options = options with { DataDirectory = dataDir };

        Directory.CreateDirectory(dataDir);
        var ownerLock = AcquireOwnerLock(dataDir);
        try
        {
            return await StartLockedAsync(options, bin, asPostgresUser, ownerLock, log, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ownerLock.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Holds <c>&lt;data directory&gt;.lock</c> exclusively for as long as this process uses the cluster (released by the
    /// operating system if the process dies). A second app started on the same data directory stops here with a clear
    /// message instead of taking over, and later losing, the cluster of the app already running.
    /// </summary>
    private static FileStream AcquireOwnerLock(string dataDir)
    {
        var path = dataDir.TrimEnd(Path.DirectorySeparatorChar) + ".lock";
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"The embedded database in {dataDir} is in use by another InfusionCenter process. Stop that one first " +
                "(or give this one its own LocalPostgres:DataDirectory).", e);
        }
    }

    private static async Task<LocalPostgres> StartLockedAsync(
        LocalPostgresOptions options, string bin, bool asPostgresUser, FileStream ownerLock, Action<string> log, CancellationToken cancellationToken)
    {
        var dataDir = options.DataDirectory;
        if (asPostgresUser)
        {
            await PostgresTools.RunAsync("chown", ["-R", "postgres:postgres", dataDir], cancellationToken).ConfigureAwait(false);
            // PostgreSQL needs its data directory to be 0700.
            await PostgresTools.RunAsync("chmod", ["700", dataDir], cancellationToken).ConfigureAwait(false);
            PostgresTools.EnsureTraversable(dataDir);
        }

        var pgCtl = Path.Combine(bin, "pg_ctl");
        if (!File.Exists(Path.Combine(dataDir, "PG_VERSION")))
        {
            log($"Initialising PostgreSQL cluster in {dataDir}");
            var (code, output) = await PostgresTools.RunPgAsync(asPostgresUser, Path.Combine(bin, "initdb"),
                ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], cancellationToken).ConfigureAwait(false);
            if (code != 0)
            {
                throw new InvalidOperationException($"initdb failed ({code}): {output}");
            }
        }
        else
        {
            // A cluster left running by an app that was killed: stop it so that it restarts with our settings.
            var (status, _) = await PostgresTools.RunPgAsync(asPostgresUser, pgCtl, ["-D", dataDir, "status"], cancellationToken).ConfigureAwait(false);
            if (status == 0)
            {
                log("Stopping a PostgreSQL cluster left running by an earlier run");
                await PostgresTools.RunPgAsync(asPostgresUser, pgCtl, ["-D", dataDir, "-m", "fast", "-w", "stop"], cancellationToken).ConfigureAwait(false);
            }
        }

        var port = options.Port != 0 ? options.Port : PostgresTools.FreePort();
        var settings = string.Join(' ',
            "-c listen_addresses=127.0.0.1",
            $"-p {port.ToString(CultureInfo.InvariantCulture)}",
            "-c unix_socket_directories=''",
            options.Durable ? "-c fsync=on -c full_page_writes=on" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "-c max_connections=200");
        var logFile = Path.Combine(dataDir, "server.log");
        var (startCode, startOutput) = await PostgresTools.RunPgAsync(asPostgresUser, pgCtl,
            ["-D", dataDir, "-w", "-t", "60", "-l", logFile, "-o", settings, "start"], cancellationToken).ConfigureAwait(false);
        if (startCode != 0)
        {
            var tail = File.Exists(logFile) ? string.Join('\n', File.ReadLines(logFile).TakeLast(15)) : "";
            throw new InvalidOperationException($"pg_ctl start failed ({startCode}): {startOutput}\n{tail}");
        }

        var instance = new LocalPostgres(options, bin, port, asPostgresUser, ownerLock);
        await instance.EnsureDatabaseAsync(options.Database, cancellationToken).ConfigureAwait(false);
        log($"PostgreSQL cluster ready on 127.0.0.1:{port}");
        return instance;
    }

    /// <summary>Creates a database in the cluster when it does not exist yet.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        // A throwaway cluster is deleted right after: no need for the shutdown checkpoint (often too slow for a process exiting).
        var mode = _options.DeleteOnStop ? "immediate" : "fast";
        await PostgresTools.RunPgAsync(_asPostgresUser, Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", mode, "-w", "-t", "60", "stop"], CancellationToken.None).ConfigureAwait(false);
        await _ownerLock.DisposeAsync().ConfigureAwait(false);
        if (_options.DeleteOnStop)
        {
            File.Delete(_ownerLock.Name);
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // best effort for throwaway clusters
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
