using FluentValidation;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Admin;

/// <summary>Admin work on clinic settings, closures, staffing and accounts (chairs: <see cref="Appointments.ChairService"/>).</summary>
public sealed class ClinicAdminService(
    IDbContextFactory<InfusionDbContext> dbFactory,
    ClinicSettingsValidator validator,
    ClinicClock clock,
    ClinicCalendar.ClinicCalendarService calendar,
    UserManager<AppUser> users,
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
            throw new ConflictException($"{date:yyyy-MM-dd} is already marked closed.");
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

    public async Task<List<UserRow>> UsersAsync()
    {
        var rows = new List<UserRow>();
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync())
        {
            var roles = await users.GetRolesAsync(user);
            rows.Add(new UserRow(user.Id, user.Email!, user.DisplayName, string.Join(", ", roles), user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : null));
        }

        return rows;
    }

    public async Task CreateUserAsync(NewUserModel model)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(model.Email) || !model.Email.Contains('@', StringComparison.Ordinal))
        {
            errors["email"] = ["Enter the person's email."];
        }

        if (!Roles.All.Contains(model.Role))
        {
            errors["role"] = ["Choose Nurse, Manager or Admin."];
        }

        if (string.IsNullOrEmpty(model.Password))
        {
            errors["password"] = ["Set a first password (at least 10 characters with upper and lower case, a digit and a symbol)."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        if (await users.FindByEmailAsync(model.Email!.Trim()) is not null)
        {
            throw new ConflictException($"An account for {model.Email.Trim()} already exists.");
        }

        var user = new AppUser { UserName = model.Email.Trim(), Email = model.Email.Trim(), EmailConfirmed = true, DisplayName = model.DisplayName?.Trim() };
        var created = await users.CreateAsync(user, model.Password!);
        if (!created.Succeeded)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["password"] = created.Errors.Select(e => e.Description).ToArray() });
        }

        await users.AddToRoleAsync(user, model.Role);
        logger.LogInformation("Account {UserId} created with role {Role}", user.Id, model.Role);
    }

    public async Task SetRoleAsync(string userId, string role, string actingUser)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("No such account.");
        if (!Roles.All.Contains(role))
        {
            throw RequestValidationException.For("role", "Choose Nurse, Manager or Admin.");
        }

        if (string.Equals(user.Email, actingUser, StringComparison.OrdinalIgnoreCase) && role != Roles.Admin)
        {
            throw new ConflictException("You cannot remove your own admin role.");
        }

        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
    }

    public async Task SetLockedAsync(string userId, bool locked, string actingUser)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("No such account.");
        if (locked && string.Equals(user.Email, actingUser, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConflictException("You cannot disable your own account.");
        }

        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
    }

    public async Task ResetPasswordAsync(string userId, string? password)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("No such account.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password ?? "");
        if (!result.Succeeded)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["password"] = result.Errors.Select(e => e.Description).ToArray() });
        }
    }
}
