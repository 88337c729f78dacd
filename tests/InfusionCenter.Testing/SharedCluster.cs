namespace InfusionCenter.Testing;

/// <summary>
/// The test process's one PostgreSQL cluster, started on first use and stopped when the process exits,
/// so that test classes can run in parallel, each on a database of its own.
/// </summary>
public static class SharedCluster
{
    private static readonly Lazy<Task<PostgresCluster>> Cluster = new(StartAsync);

    public static Task<PostgresCluster> GetAsync() => Cluster.Value;

    /// <summary>A fresh, empty database in the shared cluster.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "test") =>
        await (await GetAsync()).CreateDatabaseAsync(prefix);

    private static async Task<PostgresCluster> StartAsync()
    {
        var cluster = new PostgresCluster();
        await cluster.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().GetAwaiter().GetResult();
        return cluster;
    }
}

/// <summary>xunit class fixture: the app on a fresh database of the shared cluster (in-memory test server).</summary>
public sealed class AppFixture : Xunit.IAsyncLifetime
{
    private InfusionAppFactory? _factory;

    public InfusionAppFactory App => _factory ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _factory = new InfusionAppFactory(await SharedCluster.CreateDatabaseAsync("web"));
        _ = _factory.Server; // start the host: migrations and seed run now
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

/// <summary>xunit class fixture: the app on a real loopback port and a fresh database (for Playwright).</summary>
public sealed class LiveAppFixture : Xunit.IAsyncLifetime
{
    private InfusionAppFactory? _factory;

    public InfusionAppFactory App => _factory ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() =>
        _factory = new InfusionAppFactory(await SharedCluster.CreateDatabaseAsync("browser"), realPort: true, now: Monday);

    /// <summary>The browser tier's "now": Monday 23 November 2026, 09:30 in New York (clinic open).</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 14, 30, 0, TimeSpan.Zero);

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
