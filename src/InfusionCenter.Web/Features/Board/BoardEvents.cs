using System.Globalization;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InfusionCenter.Web.Features.Board;

/// <summary>
/// Tells every open board that a day's appointments changed, across app instances: a change is
/// published with PostgreSQL <c>NOTIFY board_changes, 'YYYY-MM-DD'</c>; each instance keeps one
/// connection that <c>LISTEN</c>s and raises <see cref="DayChanged"/> in-process (its own changes
/// included, so one path serves all). Reconnects after a database restart.
/// </summary>
public sealed class BoardEvents(IDbContextFactory<InfusionDbContext> dbFactory, ILogger<BoardEvents> logger) : BackgroundService
{
    public const string Channel = "board_changes";

    /// <summary>Raised (on a background thread) with the clinic-local date that changed.</summary>
    public event Action<DateOnly>? DayChanged;

    /// <summary>Publishes a change of <paramref name="dates"/> to every instance (best effort: a board also refreshes on navigation).</summary>
    public async Task PublishAsync(IEnumerable<DateOnly> dates, CancellationToken cancellationToken = default)
    {
        try
        {
            var days = dates.Distinct().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
            if (days.Length == 0)
            {
                return;
            }

            // One statement for every day changed (a course touches up to five).
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, day) FROM unnest({days}) AS day", cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not publish a board change");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            connectionString = db.Database.GetConnectionString()!;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 30, Pooling = false }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (DateOnly.TryParseExact(e.Payload, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        DayChanged?.Invoke(date);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                logger.LogWarning("Board change listener lost its connection ({Message}); retrying in 2 s", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
