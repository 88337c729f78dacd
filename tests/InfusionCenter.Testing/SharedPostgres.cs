namespace InfusionCenter.Testing;

/// <summary>
/// The test process's one PostgreSQL server (<see cref="TestPostgres"/>: a Testcontainers container, or the throwaway
/// cluster fallback), started on first use and removed when the process exits, so that test classes can run in
/// parallel, each on a database of its own.
/// </summary>
public static class SharedPostgres
{
    private static readonly Lazy<Task<TestPostgres>> Server = new(StartAsync);

    public static Task<TestPostgres> GetAsync() => Server.Value;

    /// <summary>A fresh, empty database on the shared server.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "test") =>
        await (await GetAsync()).CreateDatabaseAsync(prefix);

    private static async Task<TestPostgres> StartAsync()
    {
        var server = await TestPostgres.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}

/// <summary>xunit class fixture: the app on a fresh database of the shared server (in-memory test server).</summary>
public sealed class AppFixture : Xunit.IAsyncLifetime
{
    private InfusionAppFactory? _factory;

    public InfusionAppFactory App => _factory ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _factory = new InfusionAppFactory(await SharedPostgres.CreateDatabaseAsync("web"));
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
        _factory = new InfusionAppFactory(await SharedPostgres.CreateDatabaseAsync("browser"), realPort: true, now: Monday);

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
