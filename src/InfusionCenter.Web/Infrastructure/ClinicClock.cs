using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Infrastructure;

/// <summary>
/// "Now" and "today" in the clinic's time zone. The only place the web layer turns the clock
/// (a <see cref="TimeProvider"/>, replaceable in tests) into clinic-local dates.
/// </summary>
public sealed class ClinicClock(TimeProvider clock, IDbContextFactory<InfusionDbContext> dbFactory)
{
    private TimeZoneInfo? _zone;

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken = default)
    {
        if (_zone is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var id = await db.Clinics.OrderBy(c => c.Id).Select(c => c.TimeZone).FirstOrDefaultAsync(cancellationToken);
            _zone = id is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id);
        }

        return _zone;
    }

    /// <summary>Forget the cached zone (after an admin changes it).</summary>
    public void Invalidate() => _zone = null;

    public async Task<DateTimeOffset> LocalNowAsync(CancellationToken cancellationToken = default) =>
        TimeZoneInfo.ConvertTime(UtcNow, await ZoneAsync(cancellationToken));

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default) =>
        DateOnly.FromDateTime((await LocalNowAsync(cancellationToken)).DateTime);
}
