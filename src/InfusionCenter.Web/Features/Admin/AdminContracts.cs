using FluentValidation;
using InfusionCenter.Web.Features.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

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

    /// <summary>Doses that can be given more than one way get the shortest eligible way by default (else the protocol's first).</summary>
    public bool PreferShorterOptions { get; set; } = true;

    /// <summary>Patients who consented get a confirmation, reminders and changes by email.</summary>
    public bool RemindersEnabled { get; set; }

    /// <summary>Days before each appointment the reminders go, as typed ("21, 3, 1").</summary>
    public string? ReminderDays { get; set; } = "21, 3, 1";
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
        RuleFor(m => m.ReminderDays).Must(d => ParseDays(d) is not null)
            .WithMessage("Enter up to 5 different numbers of days between 1 and 60, separated by commas (e.g. 21, 3, 1).");
        // Shown on the day's row (the bridge's field "Hours[i]"), so the message need not name the day.
        RuleForEach(m => m.Hours).Must(h => !h.Open || h.Closes > h.Opens).WithMessage((_, h) => $"Closing must be after opening ({h.Opens:HH\\:mm}).");
    }

    /// <summary>"21, 3, 1" -> [21, 3, 1] (largest first); empty -> no reminders ([]); null when not valid.</summary>
    public static List<int>? ParseDays(string? text)
    {
        var days = new List<int>();
        foreach (var part in (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day) || day is < 1 or > 60 || days.Contains(day))
            {
                return null;
            }

            days.Add(day);
        }

        return days.Count > 5 ? null : days.OrderDescending().ToList();
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

/// <summary>The new-account form (admin). No role is preselected: the admin chooses one.</summary>
public sealed record NewUserModel
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public string? Password { get; set; }
}

/// <summary>
/// The new-account form's rules, shown at the fields as the admin types; the password rules are the sign-in system's own
/// (<see cref="IdentityOptions.Password"/>), so the form never accepts a password the account store would refuse.
/// </summary>
public sealed class NewUserValidator : AbstractValidator<NewUserModel>
{
    public NewUserValidator(IOptions<IdentityOptions> identity)
    {
        var rules = identity.Value.Password;
        RuleFor(m => m.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the person's work email.")
            .EmailAddress().WithMessage("Enter a valid email address, such as name@clinic.org.")
            .MaximumLength(256).WithMessage("An email address is at most 256 characters.");
        RuleFor(m => m.DisplayName).MaximumLength(100).WithMessage("A name is at most 100 characters.");
        RuleFor(m => m.Role).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose a role: Nurse, Coordinator, Manager or Admin.")
            .Must(r => Roles.All.Contains(r)).WithMessage("Choose a role: Nurse, Coordinator, Manager or Admin.");
        RuleFor(m => m.Password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Set a first password; the person changes it later.")
            .Must(p => IsStrong(p!, rules)).WithMessage(Describe(rules));
    }

    /// <summary>The refusal: "Too weak: use at least 10 characters, with an upper-case letter, a lower-case letter, a digit and a symbol."</summary>
    public static string Describe(PasswordOptions rules) => $"Too weak: use {Needs(rules)}.";

    /// <summary>The rule as a hint: "At least 10 characters, with an upper-case letter, a lower-case letter, a digit and a symbol."</summary>
    public static string Rule(PasswordOptions rules) => $"A{Needs(rules)[1..]}.";

    private static string Needs(PasswordOptions rules)
    {
        var needs = new List<string>();
        if (rules.RequireUppercase)
        {
            needs.Add("an upper-case letter");
        }

        if (rules.RequireLowercase)
        {
            needs.Add("a lower-case letter");
        }

        if (rules.RequireDigit)
        {
            needs.Add("a digit");
        }

        if (rules.RequireNonAlphanumeric)
        {
            needs.Add("a symbol");
        }

        var with = needs.Count switch
        {
            0 => "",
            1 => $", with {needs[0]}",
            _ => $", with {string.Join(", ", needs[..^1])} and {needs[^1]}",
        };
        return $"at least {rules.RequiredLength} characters{with}";
    }

    private static bool IsStrong(string password, PasswordOptions rules) =>
        password.Length >= rules.RequiredLength
        && (!rules.RequireUppercase || password.Any(char.IsUpper))
        && (!rules.RequireLowercase || password.Any(char.IsLower))
        && (!rules.RequireDigit || password.Any(char.IsDigit))
        && (!rules.RequireNonAlphanumeric || password.Any(c => !char.IsLetterOrDigit(c)))
        && password.Distinct().Count() >= rules.RequiredUniqueChars;
}

/// <summary>The "add a closed day" form.</summary>
public sealed record ClosureModel
{
    public DateOnly? Date { get; set; }
    public string? Reason { get; set; }
}

public sealed class ClosureValidator : AbstractValidator<ClosureModel>
{
    public ClosureValidator()
    {
        RuleFor(m => m.Date).NotNull().WithMessage("Choose the day the clinic is closed.");
        RuleFor(m => m.Reason).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give a reason (e.g. Thanksgiving, staff training).")
            .MaximumLength(200).WithMessage("A reason is at most 200 characters.");
    }
}

/// <summary>The "nurses on shift on a date" form.</summary>
public sealed record StaffingModel
{
    public DateOnly? Date { get; set; }
    public int? Nurses { get; set; }
}

public sealed class StaffingValidator : AbstractValidator<StaffingModel>
{
    public StaffingValidator()
    {
        RuleFor(m => m.Date).NotNull().WithMessage("Choose a date.");
        RuleFor(m => m.Nurses).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter how many nurses are on shift.")
            .InclusiveBetween(0, 100).WithMessage("Nurses on shift must be between 0 and 100.");
    }
}
