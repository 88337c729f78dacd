using FluentValidation;
using InfusionCenter.Web.Features.Auth;

namespace InfusionCenter.Web.Features.Admin;

public sealed record DayHoursModel
{
    public DayOfWeek Weekday { get; set; }
    public bool Open { get; set; }
    public TimeOnly Opens { get; set; } = new(7, 0);
    public TimeOnly Closes { get; set; } = new(19, 0);
}

/// <summary>The clinic settings form (admin): name, time zone, hours per weekday, staffing default, nurse rules.</summary>
public sealed record ClinicSettingsModel
{
    public string? Name { get; set; }
    public string? TimeZone { get; set; }
    public int DefaultNursesOnShift { get; set; }
    public int MaxPatientsPerNurse { get; set; }
    public int MaxStartsPerNursePer30Minutes { get; set; }
    public List<DayHoursModel> Hours { get; set; } = [];
    public uint RowVersion { get; set; }
}

public sealed class ClinicSettingsValidator : AbstractValidator<ClinicSettingsModel>
{
    public ClinicSettingsValidator()
    {
        RuleFor(m => m.Name).NotEmpty().WithMessage("The clinic needs a name.").MaximumLength(120);
        RuleFor(m => m.TimeZone).NotEmpty().Must(BeAZone).WithMessage("Unknown time zone: use an IANA id such as America/New_York.");
        RuleFor(m => m.DefaultNursesOnShift).InclusiveBetween(0, 100).WithMessage("Nurses on shift must be between 0 and 100.");
        RuleFor(m => m.MaxPatientsPerNurse).InclusiveBetween(1, 20).WithMessage("Patients per nurse must be between 1 and 20.");
        RuleFor(m => m.MaxStartsPerNursePer30Minutes).InclusiveBetween(1, 10).WithMessage("Starts per nurse per 30 minutes must be between 1 and 10.");
        RuleForEach(m => m.Hours).Must(h => !h.Open || h.Closes > h.Opens).WithMessage((_, h) => $"{h.Weekday}: closing must be after opening.");
    }

    private static bool BeAZone(string? id)
    {
        try
        {
            return id is not null && TimeZoneInfo.FindSystemTimeZoneById(id) is not null;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
    }
}

public sealed record UserRow(string Id, string Email, string? DisplayName, string Role, DateTimeOffset? LockedUntil);

public sealed record NewUserModel
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string Role { get; set; } = Roles.Nurse;
    public string? Password { get; set; }
}
