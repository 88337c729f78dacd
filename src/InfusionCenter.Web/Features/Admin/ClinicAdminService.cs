using FluentValidation;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Admin;

/// <summary>Admin work on clinic settings, closures and staffing (chairs: <see cref="Chairs.ChairService"/>; accounts: <see cref="AccountAdminService"/>).</summary>
public sealed class ClinicAdminService(
    IDbContextFactory<InfusionDbContext> dbFactory,
    ClinicSettingsValidator validator,
    ClinicClock clock,
    ClinicCalendar.ClinicCalendarService calendar,
    ILogger<ClinicAdminService> logger)
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public async Task<ClinicSettingsModel> GetClinicAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var clinic = await db.Clinics.AsNoTracking().Include(c => c.OpeningHours).OrderBy(c => c.Id).FirstOrDefaultAsync();
        return new ClinicSettingsModel
        {
            Name = clinic?.Name,
            TimeZone = clinic?.TimeZone ?? "America/New_York",
            DefaultNursesOnShift = clinic?.DefaultNursesOnShift ?? 3,
            MaxPatientsPerNurse = clinic?.MaxPatientsPerNurse ?? 4,
            MaxStartsPerNursePer30Minutes = clinic?.MaxStartsPerNursePer30Minutes ?? 2,
            PreferShorterOptions = clinic?.PreferShorterOptions ?? true,
            RemindersEnabled = clinic?.RemindersEnabled ?? false,
            ReminderDays = string.Join(", ", clinic?.ReminderDays ?? [21, 3, 1]),
            RowVersion = clinic?.RowVersion ?? 0,
            Hours = Week.Select(day => clinic?.OpeningHours.FirstOrDefault(h => h.Weekday == day) is { } h
                ? new DayHoursModel { Weekday = day, Open = true, Opens = h.Opens, Closes = h.Closes }
                : new DayHoursModel { Weekday = day, Open = false }).ToList(),
        };
    }

    public async Task SaveClinicAsync(ClinicSettingsModel model)
    {
        await validator.EnsureValidAsync(model);
        await using var db = await dbFactory.CreateDbContextAsync();
        var clinic = await db.Clinics.Include(c => c.OpeningHours).OrderBy(c => c.Id).FirstOrDefaultAsync();
        if (clinic is null)
        {
            clinic = new Clinic { Name = model.Name!, TimeZone = model.TimeZone! };
            db.Clinics.Add(clinic);
        }
        else
        {
            db.Entry(clinic).Property(c => c.RowVersion).OriginalValue = model.RowVersion;
        }

        clinic.Name = model.Name!.Trim();
        clinic.TimeZone = model.TimeZone!.Trim();
        clinic.DefaultNursesOnShift = model.DefaultNursesOnShift;
        clinic.MaxPatientsPerNurse = model.MaxPatientsPerNurse;
        clinic.MaxStartsPerNursePer30Minutes = model.MaxStartsPerNursePer30Minutes;
        clinic.RemindersEnabled = model.RemindersEnabled;
        clinic.ReminderDays = ClinicSettingsValidator.ParseDays(model.ReminderDays) ?? clinic.ReminderDays;
        var preferenceChanged = clinic.Id != 0 && clinic.PreferShorterOptions != model.PreferShorterOptions;
        clinic.PreferShorterOptions = model.PreferShorterOptions;
        if (preferenceChanged)
        {
            // Doses still to give on the clinic's default way of giving them follow the new preference, in the same save.
            await Regimens.DoseOptions.ReapplyDefaultsAsync(db, model.PreferShorterOptions, CancellationToken.None);
        }

        foreach (var day in model.Hours)
        {
            var existing = clinic.OpeningHours.FirstOrDefault(h => h.Weekday == day.Weekday);
            if (!day.Open && existing is not null)
            {
                db.OpeningHours.Remove(existing);
            }
            else if (day.Open && existing is null)
            {
                clinic.OpeningHours.Add(new OpeningHours { Weekday = day.Weekday, Opens = day.Opens, Closes = day.Closes });
            }
            else if (day.Open && existing is not null)
            {
                existing.Opens = day.Opens;
                existing.Closes = day.Closes;
            }
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else changed the clinic settings meanwhile. Reload and apply your change again.");
        }

        clock.Invalidate();
        logger.LogInformation("Clinic settings saved");
    }

    public async Task<List<ClinicClosure>> ClosuresAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var today = await clock.TodayAsync();
        return await db.ClinicClosures.AsNoTracking().Where(c => c.Date >= today.AddDays(-30)).OrderBy(c => c.Date).ToListAsync();
    }

    /// <summary>Marks a day closed; returns how many booked appointments that day still need moving.</summary>
    public async Task<int> AddClosureAsync(DateOnly? date, string? reason)
    {
        var errors = new Dictionary<string, string[]>();
        if (date is null)
        {
            errors["date"] = ["Choose the day the clinic is closed."];
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["Give a reason (e.g. Thanksgiving, staff training)."];
        }
        else if (reason.Trim().Length > 200)
        {
            errors["reason"] = ["A reason is at most 200 characters."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var (fromUtc, toUtc) = (await calendar.LoadAsync(date!.Value, date.Value)).DayInUtc(date.Value);
        var booked = await db.Appointments.CountAsync(a => a.StartsAt >= fromUtc && a.StartsAt < toUtc && a.Status == AppointmentStatus.Booked);
        db.ClinicClosures.Add(new ClinicClosure { Date = date.Value, Reason = reason!.Trim() });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw RequestValidationException.For("date", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date:ddd yyyy-MM-dd} is already marked closed."));
        }

        if (booked > 0)
        {
            logger.LogWarning("Closure added on a day with {Count} booked appointments", booked);
        }

        return booked;
    }

    public async Task RemoveClosureAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var closure = await db.ClinicClosures.FirstOrDefaultAsync(c => c.Id == id) ?? throw new NotFoundException($"No closure {id}.");
        db.ClinicClosures.Remove(closure);
        await db.SaveChangesAsync();
    }

    public async Task<List<StaffingDay>> StaffingAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var today = await clock.TodayAsync();
        return await db.StaffingDays.AsNoTracking().Where(s => s.Date >= today).OrderBy(s => s.Date).ToListAsync();
    }

    public async Task SetStaffingAsync(DateOnly? date, int? nurses)
    {
        if (date is null || nurses is null or < 0 or > 100)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [date is null ? "date" : "nurses"] = [date is null ? "Choose a date." : "Nurses on shift must be between 0 and 100."],
            });
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var day = await db.StaffingDays.FirstOrDefaultAsync(s => s.Date == date);
        if (day is null)
        {
            db.StaffingDays.Add(new StaffingDay { Date = date.Value, NursesOnShift = nurses.Value });
        }
        else
        {
            day.NursesOnShift = nurses.Value;
        }

        await db.SaveChangesAsync();
    }

    public async Task RemoveStaffingAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var day = await db.StaffingDays.FirstOrDefaultAsync(s => s.Id == id) ?? throw new NotFoundException($"No staffing entry {id}.");
        db.StaffingDays.Remove(day);
        await db.SaveChangesAsync();
    }
}
