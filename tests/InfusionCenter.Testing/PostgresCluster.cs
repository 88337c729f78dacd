using System.Globalization;
using InfusionCenter.Web.Data;
using Xunit;

namespace InfusionCenter.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster per test assembly (fsync off, deleted afterwards), started from the
/// machine's PostgreSQL binaries by the same <see cref="LocalPostgres"/> the app uses for its embedded
/// database. Each test class asks for its own fresh database, so classes never see each other's rows.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private static int _databaseCounter;
    private LocalPostgres? _postgres;

    public LocalPostgres Server => _postgres ?? throw new InvalidOperationException("Cluster not started");

    private const string Prefix = "infusioncenter-test-pg-";

    public async Task InitializeAsync()
    {
        RemoveStaleClusters();
        var dir = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..12]);
        _postgres = await LocalPostgres.StartAsync(new LocalPostgresOptions
        {
            DataDirectory = dir,
            Durable = false,
            DeleteOnStop = true,
            Database = "postgres",
        });
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid():N}").ToLowerInvariant();
        await Server.EnsureDatabaseAsync(name);
        return Server.ConnectionStringFor(name);
    }

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    /// <summary>
    /// Deletes throwaway clusters that earlier test processes left behind (a test host can be ended before its exit handler
    /// has stopped and deleted its cluster). A cluster younger than 2 minutes may belong to a test process starting now,
    /// and a running one younger than 6 hours to a test run still going: both are left alone. An older running one is an
    /// orphan: its postgres is killed first (its data is thrown away anyway).
    /// </summary>
    private static void RemoveStaleClusters()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            try
            {
                var age = DateTime.UtcNow - Directory.GetLastWriteTimeUtc(dir);
                if (age < TimeSpan.FromMinutes(2))
                {
                    continue;
                }

                using var postmaster = RunningPostgres(dir);
                if (postmaster is not null)
                {
                    if (age < TimeSpan.FromHours(6))
                    {
                        continue;
                    }

                    postmaster.Kill();
                    postmaster.WaitForExit(10_000);
                }

                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // best effort: another test process may be stopping or deleting it right now
            }
        }
    }

    /// <summary>The cluster's postmaster (first line of postmaster.pid) when it is a live postgres process, else null.</summary>
    private static System.Diagnostics.Process? RunningPostgres(string dir)
    {
        var pidFile = Path.Combine(dir, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        try
        {
            var process = System.Diagnostics.Process.GetProcessById(pid);
            if (!process.HasExited && process.ProcessName == "postgres")
            {
                return process;
            }

            process.Dispose();
            return null;
        }
        catch (ArgumentException)
        {
            return null; // no such process
        }
    }
}
