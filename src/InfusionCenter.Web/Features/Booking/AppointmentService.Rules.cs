using System.Globalization;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using InfusionCenter.Web.Features.ClinicCalendar;

namespace InfusionCenter.Web.Features.Booking;

/// <summary>The booking rules shared by booking and moving: bookable doses, opening hours, clash messages, start times.</summary>
public sealed partial class AppointmentService
{
    private static void EnsureBookable(Dose dose)
    {
        switch (dose.Status)
        {
            case DoseStatus.Booked:
                throw new ConflictException($"Dose {dose.Sequence} is already booked; move or cancel that appointment instead.");
            case DoseStatus.Given:
                throw new ConflictException($"Dose {dose.Sequence} was already given on {dose.GivenOn:yyyy-MM-dd}.");
            case DoseStatus.Cancelled:
                throw new ConflictException($"Dose {dose.Sequence} was cancelled.");
        }
    }

    private static void EnsureInsideHours(ClinicSettings settings, DateTime startLocal, int minutes)
    {
        var date = DateOnly.FromDateTime(startLocal);
        var (hours, closed) = settings.HoursOn(date);
        if (hours is null)
        {
            throw RequestValidationException.For("start", $"Cannot book: {closed}.");
        }

        var endLocal = startLocal.AddMinutes(minutes);
        if (TimeOnly.FromDateTime(startLocal) < hours.Opens || endLocal > date.ToDateTime(hours.Closes))
        {
            throw RequestValidationException.For("start",
                $"Cannot book {startLocal:HH:mm}–{endLocal:HH:mm} on {date:yyyy-MM-dd}: the clinic is open {hours.Opens:HH:mm}–{hours.Closes:HH:mm}.");
        }
    }

    /// <summary>Chair time is booked (or moved) for today or later, in the clinic's date: a start on an earlier day is a 400 on <c>start</c>.</summary>
    private static void EnsureNotBeforeToday(DateTime startLocal, DateOnly today)
    {
        if (DateOnly.FromDateTime(startLocal) < today)
        {
            throw RequestValidationException.For("start", $"A booking must start today or later (today is {today:yyyy-MM-dd}).");
        }
    }

    /// <summary>Saves; an exclusion-constraint violation becomes a 409 that names the clashing booking.</summary>
    private static async Task SaveOrExplainConflictAsync(InfusionDbContext db, IReadOnlyList<Appointment> appointments, ClinicSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("This appointment was changed by someone else meanwhile; the board has been refreshed.");
        }
        catch (DbUpdateException e) when (e.IsExclusionViolation())
        {
            if (db.Database.CurrentTransaction is { } transaction)
            {
                // The caller's transaction (an idempotent booking) is aborted now: end it, then read the clash outside it.
                await transaction.RollbackAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            foreach (var wanted in appointments)
            {
                var clash = await db.Appointments.AsNoTracking()
                    .Where(a => a.Id != wanted.Id && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow
                        && a.StartsAt < wanted.EndsAt && a.EndsAt > wanted.StartsAt
                        && (a.ChairId == wanted.ChairId || a.PatientId == wanted.PatientId))
                    .Select(a => new { a.ChairId, ChairName = a.Chair!.Name, a.PatientId, a.StartsAt, a.EndsAt })
                    .FirstOrDefaultAsync(cancellationToken);
                if (clash is not null)
                {
                    var when = $"{settings.ToLocal(clash.StartsAt):HH:mm}–{settings.ToLocal(clash.EndsAt):HH:mm} on {settings.ToLocal(clash.StartsAt):yyyy-MM-dd}";
                    throw new ConflictException(clash.ChairId == wanted.ChairId
                        ? $"{clash.ChairName} is already booked {when}."
                        : $"This patient already has an appointment {when} ({clash.ChairName}).");
                }
            }

            throw new ConflictException("The chair or the patient is already booked at that time.");
        }
    }

    /// <summary>The start as clinic-local time; a date outside the years any endpoint accepts is a 400 on the field.</summary>
    private static DateTime ParseStart(string value, ClinicSettings settings, string field)
    {
        var start = ParseStartText(value, settings, field);
        return JsonInput.InRange(DateOnly.FromDateTime(start)) ? start : throw RequestValidationException.For(field, JsonInput.DateRangeMessage);
    }

    private static DateTime ParseStartText(string value, ClinicSettings settings, string field)
    {
        if (DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && !value.EndsWith('Z'))
        {
            return local;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            // No offset in the text (e.g. 2026-11-23T09:30:00.000): clinic time, not the server's time zone.
            if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var wall) && wall.Kind == DateTimeKind.Unspecified)
            {
                return wall;
            }

            return settings.ToLocal(instant.UtcDateTime);
        }

        throw RequestValidationException.For(field, "Enter the start as a date and time, e.g. 2026-11-23T09:30 (clinic time) or 2026-11-23T09:30:00-05:00.");
    }

    private static string Describe(AppointmentStatus status) => Appointment.Describe(status);

    /// <summary>
    /// Readiness per the clinic's rules (DOMAIN.md "Readiness"): a dose with a blocking item missing on the day booked (an
    /// authorization not covering it, no approved doses left, ...) is a 409 naming each reason; warnings do not stop it. The
    /// days of one course count against the authorization together.
    /// </summary>
    /// <returns>The readiness of each dose (what is left only warns), for the reply's warnings.</returns>
    private async Task<IReadOnlyList<Domain.Readiness.ReadinessResult>> EnsureReadyAsync(InfusionDbContext db, IEnumerable<(Dose Dose, DateOnly Date)> doses, CancellationToken cancellationToken)
    {
        var days = doses.ToList();
        var results = await readiness.ForBookingAsync(db, days, cancellationToken);
        foreach (var ((dose, date), result) in days.Zip(results))
        {
            if (!result.Bookable)
            {
                throw new ConflictException($"Dose {dose.Sequence} cannot be booked on {date:yyyy-MM-dd}: "
                    + string.Join(" ", result.Missing.Where(m => m.Blocking).Select(m => m.Detail)));
            }
        }

        return results;
    }
}
