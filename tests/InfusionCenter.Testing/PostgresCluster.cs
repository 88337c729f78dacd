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

    public async Task InitializeAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "infusioncenter-test-pg-" + Guid.NewGuid().ToString("N")[..12]);
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
}
