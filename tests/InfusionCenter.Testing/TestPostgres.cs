using System.Globalization;
using DotNet.Testcontainers.Builders;
using Npgsql;

namespace InfusionCenter.Testing;

/// <summary>
/// A throwaway PostgreSQL server for the Web and Browser tiers; each test class asks it for a fresh database.
/// Two engines: a container started through Testcontainers whenever a Docker engine answers (how contributors with
/// Docker run the tests, and how ./test.sh runs them), else a throwaway cluster of the machine's own PostgreSQL binaries.
/// <list type="bullet">
/// <item><c>INFUSIONCENTER_TEST_DB</c>: <c>docker</c> (must be Docker), <c>cluster</c> (never Docker), unset: Docker if it answers.</item>
/// <item><c>INFUSIONCENTER_TEST_PG_IMAGE</c>: the image (default <c>postgres:15</c>; ./test.sh builds <c>infusioncenter/postgres:15</c>).</item>
/// <item><c>INFUSIONCENTER_TEST_DB_REPORT</c>: a file the engine actually used is written to (./test.sh prints it).</item>
/// </list>
/// </summary>
public abstract class TestPostgres : IAsyncDisposable
{
    private static int _databaseCounter;

    /// <summary>What runs the server, in words ("Testcontainers, image postgres:15").</summary>
    public abstract string Engine { get; }

    /// <summary>Connection string to the server's <c>postgres</c> database, as its superuser.</summary>
    protected abstract string ServerConnectionString { get; }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{prefix}_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid():N}").ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionStringFor(name);
    }

    /// <summary>Stops the server (its databases become unreachable); disposing also deletes it.</summary>
    public abstract Task StopAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>Starts a server on the engine <c>INFUSIONCENTER_TEST_DB</c> asks for (see the class notes).</summary>
    public static async Task<TestPostgres> StartAsync()
    {
        var wanted = Environment.GetEnvironmentVariable("INFUSIONCENTER_TEST_DB")?.Trim().ToLowerInvariant();
        TestPostgres server;
        if (wanted == "cluster")
        {
            server = await ClusterPostgres.CreateAsync();
        }
        else
        {
            var image = Environment.GetEnvironmentVariable("INFUSIONCENTER_TEST_PG_IMAGE") is { Length: > 0 } configured ? configured : "postgres:15";
            try
            {
                server = await ContainerPostgres.CreateAsync(image);
            }
            catch (Exception e) when (wanted != "docker" && e is DockerUnavailableException or DotNet.Testcontainers.Containers.ResourceReaperException or Docker.DotNet.DockerApiException or HttpRequestException or TimeoutException)
            {
                await Console.Error.WriteLineAsync($"Docker unavailable ({e.GetType().Name}: {e.Message.Split('\n')[0]}); using a throwaway PostgreSQL cluster instead");
                server = await ClusterPostgres.CreateAsync();
            }
        }

        if (Environment.GetEnvironmentVariable("INFUSIONCENTER_TEST_DB_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllTextAsync(report, server.Engine + Environment.NewLine);
        }

        return server;
    }
}
