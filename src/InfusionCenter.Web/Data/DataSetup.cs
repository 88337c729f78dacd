using InfusionCenter.Web.Features.Booking;
using InfusionCenter.Web.Features.Worklist;
using InfusionCenter.Web.Features.Audit;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Protocols;
using InfusionCenter.Web.Features.Regimens;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Data;

public static class DataSetup
{
    public const string ConnectionStringName = "InfusionCenter";

    /// <summary>
    /// Registers the database. Uses <c>ConnectionStrings:InfusionCenter</c> when set; otherwise starts
    /// the embedded default: a private, durable PostgreSQL cluster under <c>.data/postgres</c> in the
    /// checkout (or <c>LocalPostgres:DataDirectory</c>), stopped when the app stops.
    /// </summary>
    public static async Task AddInfusionDataAsync(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var section = builder.Configuration.GetSection("LocalPostgres");
            var dataDirectory = section["DataDirectory"] is { Length: > 0 } configured
                ? Path.GetFullPath(configured, builder.Environment.ContentRootPath)
                : Path.Combine(FindCheckoutRoot(builder.Environment.ContentRootPath), ".data", "postgres");
            var local = await LocalPostgres.StartAsync(new LocalPostgresOptions
            {
                DataDirectory = dataDirectory,
                Port = section.GetValue("Port", 0),
                Durable = true,
            }, message => Console.WriteLine($"[embedded-db] {message}")).ConfigureAwait(false);
            builder.Services.AddSingleton(local);
            builder.Services.AddHostedService<LocalPostgresLifetime>();
            connectionString = local.ConnectionString;
        }

        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddSingleton<AccountStamps>();
        builder.Services.AddSingleton<AccountChangeInterceptor>();
        builder.Services.AddDbContextFactory<InfusionDbContext>((services, options) => options
            .UseInfusionDatabase(connectionString)
            .AddInterceptors(services.GetRequiredService<Features.Messages.OutboxInterceptor>(), services.GetRequiredService<AuditInterceptor>(), services.GetRequiredService<AccountChangeInterceptor>()));
        // ASP.NET Core Identity's stores take a scoped context.
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<InfusionDbContext>>().CreateDbContext());
        builder.Services.AddHealthChecks().AddDbContextCheck<InfusionDbContext>("database");
    }

    /// <summary>
    /// The one way the app, its design-time factory and the benchmarks reach the database: Npgsql, snake_case names
    /// (tables and columns need no quoting in hand-written SQL and psql) and our migrations history table.
    /// </summary>
    public static DbContextOptionsBuilder UseInfusionDatabase(this DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .UseSnakeCaseNamingConvention();

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs repeatedly (PostgreSQL then parses and plans each once per
    /// connection, not per request), unless the connection string already says how many.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    /// <summary>Applies pending migrations, then, in Development only (unless Seed:Demo=false), the demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<InfusionDbContext>>();
        await using (var db = await factory.CreateDbContextAsync().ConfigureAwait(false))
        {
            await db.Database.MigrateAsync().ConfigureAwait(false);
        }

        // The default protocols are reference data: installed in every environment where missing, upgraded where unedited.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProtocolService>().EnsureDefaultsAsync().ConfigureAwait(false);
            await AccountSeed.RunAsync(scope.ServiceProvider, app.Configuration, app.Environment.IsDevelopment(), app.Logger).ConfigureAwait(false);
            if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Seed:Demo", true))
            {
                await DemoSeed.RunAsync(factory, app.Services.GetRequiredService<TimeProvider>()).ConfigureAwait(false);
                await DemoSeed.EnrolDemoRegimensAsync(factory, scope.ServiceProvider.GetRequiredService<RegimenService>(),
                    await app.Services.GetRequiredService<ClinicClock>().TodayAsync().ConfigureAwait(false)).ConfigureAwait(false);
                await DemoSeed.BookDemoAppointmentsAsync(factory, scope.ServiceProvider.GetRequiredService<WorklistService>(),
                    scope.ServiceProvider.GetRequiredService<AppointmentService>()).ConfigureAwait(false);
                await DemoSeed.SeedDemoReadinessAsync(factory,
                    await app.Services.GetRequiredService<ClinicClock>().TodayAsync().ConfigureAwait(false)).ConfigureAwait(false);
                await DemoSeed.SeedDemoHistoryAsync(factory,
                    await app.Services.GetRequiredService<ClinicClock>().TodayAsync().ConfigureAwait(false)).ConfigureAwait(false);
            }
        }
    }

    private static string FindCheckoutRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InfusionCenter.sln")))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}

/// <summary>Stops the embedded PostgreSQL cluster when the app stops (Ctrl+C, SIGTERM).</summary>
internal sealed class LocalPostgresLifetime(LocalPostgres postgres, ILogger<LocalPostgresLifetime> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Stopping the embedded PostgreSQL cluster on port {Port}", postgres.Port);
        await postgres.StopAsync().ConfigureAwait(false);
        logger.LogInformation("Embedded PostgreSQL cluster stopped");
    }
}
