using InfusionCenter.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.TestHost;

namespace InfusionCenter.Testing;

/// <summary>
/// The real app (Program) on a real PostgreSQL database. With <paramref name="realPort"/> it listens on a
/// loopback Kestrel port (for Playwright); otherwise it uses the in-memory test server.
/// Development environment: migrations apply and the demo seed runs at start-up, as with ./run.sh.
/// </summary>
public sealed class InfusionAppFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;

    private readonly DateTimeOffset? _now;

    /// <param name="now">Fixes the app's clock (TimeProvider) at this instant; null keeps the real clock.</param>
    public InfusionAppFactory(string connectionString, bool realPort = false, DateTimeOffset? now = null)
    {
        _connectionString = connectionString;
        _now = now;
        if (realPort)
        {
            UseKestrel(0);
            StartServer();
        }
    }

    public string ConnectionString => _connectionString;

    /// <summary>Base address of the running app (http://127.0.0.1:port/ with a real port).</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:InfusionCenter", _connectionString);
        builder.UseSetting("Serilog:File:Path", ""); // no log files from tests
        if (_now is { } now)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FixedTimeProvider(now)));
        }
    }

    public async Task<InfusionDbContext> CreateDbContextAsync() =>
        await Services.GetRequiredService<IDbContextFactory<InfusionDbContext>>().CreateDbContextAsync();
}

/// <summary>A clock that always says the same instant.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
