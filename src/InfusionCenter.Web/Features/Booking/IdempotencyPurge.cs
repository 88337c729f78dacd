using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Booking;

/// <summary>
/// Stored answers to <c>Idempotency-Key</c> bookings are needed only while a client may still retry: they are deleted
/// once older than <c>Idempotency:KeepHours</c> (default 24), hourly and at start-up. A retry after that books anew.
/// </summary>
public sealed class IdempotencyPurge(IDbContextFactory<InfusionDbContext> dbFactory, TimeProvider clock, IConfiguration configuration,
    ILogger<IdempotencyPurge> logger) : BackgroundService
{
    public TimeSpan Keep => TimeSpan.FromHours(Math.Clamp(configuration.GetValue("Idempotency:KeepHours", 24), 1, 24 * 30));

    /// <summary>Deletes the records older than <see cref="Keep"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow() - Keep;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                var deleted = await PurgeAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} stored idempotent answers older than {Hours} h", deleted, Keep.TotalHours);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not delete old idempotent answers ({Error}); next try in an hour", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
