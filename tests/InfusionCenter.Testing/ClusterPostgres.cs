using System.Globalization;
using InfusionCenter.Web.Data;

namespace InfusionCenter.Testing;

/// <summary>
/// The fallback where Docker cannot be had: a throwaway cluster (fsync off, deleted afterwards) started from the machine's
/// PostgreSQL binaries by the same <see cref="LocalPostgres"/> the app uses for its embedded database.
/// </summary>
public sealed class ClusterPostgres : TestPostgres
{
    private const string Prefix = "infusioncenter-test-pg-";

    private readonly LocalPostgres _postgres;

    private ClusterPostgres(LocalPostgres postgres) => _postgres = postgres;

    public override string Engine => "throwaway PostgreSQL cluster (no Docker)";

    protected override string ServerConnectionString => _postgres.ConnectionStringFor("postgres");

    public static async Task<ClusterPostgres> CreateAsync()
    {
        RemoveStaleClusters();
        var dir = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..12]);
        return new ClusterPostgres(await LocalPostgres.StartAsync(new LocalPostgresOptions
        {
            DataDirectory = dir,
            Durable = false,
            DeleteOnStop = true,
            Database = "postgres",
        }));
    }

    public override Task StopAsync() => _postgres.StopAsync();

    public override ValueTask DisposeAsync() => _postgres.DisposeAsync();

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
