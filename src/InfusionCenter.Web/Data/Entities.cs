namespace InfusionCenter.Web.Data;

/// <summary>A patient of the infusion center. Names, MRN and birth date are PHI: never log them.</summary>
public sealed class Patient
{
    public int Id { get; set; }

    /// <summary>Medical record number, unique in the clinic.</summary>
    public required string Mrn { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    public DateOnly BirthDate { get; set; }

    public decimal? HeightCm { get; set; }

    public decimal? WeightKg { get; set; }

    /// <summary>The day height and weight were measured (BSA-dosed drugs need a recent weight).</summary>
    public DateOnly? MeasuredOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Infusion authorization valid until (e.g. natalizumab TOUCH: re-authorized every 6 months). Protocols
    /// whose safety gates include an "...authorization" gate flag doses past this date.
    /// </summary>
    public DateOnly? AuthorizationExpires { get; set; }

    /// <summary>Preferred part of the day for infusions (soft: the slot finder ranks other times lower).</summary>
    public Domain.Scheduling.TimePreference PreferredTime { get; set; }

    /// <summary>Preferred weekdays (soft; empty = any day).</summary>
    public List<DayOfWeek> PreferredWeekdays { get; set; } = [];

    /// <summary>Contact phone number as the patient gives it (digits, spaces, + ( ) - .); null when not on file.</summary>
    public string? Phone { get; set; }

    /// <summary>Contact email address; null when not on file.</summary>
    public string? Email { get; set; }

    /// <summary>How the patient wants appointment reminders (email; SMS is recorded but not sent yet); None: no preference.</summary>
    public ReminderChannel ReminderChannel { get; set; }

    /// <summary>When the patient's consent to reminders was recorded, and by whom (null: never consented).</summary>
    public DateOnly? ReminderConsentOn { get; set; }

    public string? ReminderConsentBy { get; set; }

    /// <summary>The day the patient asked for no more reminders (null: not opted out); consenting again clears it.</summary>
    public DateOnly? RemindersOptedOutOn { get; set; }

    /// <summary>
    /// SHA-256 (hex) of the secret in the patient's calendar feed address (null: no feed). The secret itself is shown once
    /// when made; making a new one revokes the old address.
    /// </summary>
    public string? CalendarFeedTokenHash { get; set; }

    public DateTime? CalendarFeedCreatedAt { get; set; }

    public string? CalendarFeedCreatedBy { get; set; }

    /// <summary>Reminders go out: consent on file, not opted out since.</summary>
    public bool WantsReminders => ReminderConsentOn is not null && RemindersOptedOutOn is null;

    public const int MaxPhoneLength = 32;

    /// <summary>The longest address SMTP allows (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    public string FullName => $"{FamilyName}, {GivenName}";

    /// <summary>
    /// Kept by the database (a stored generated column): " " + the name's words in lower case without accents
    /// (<see cref="InfusionDbContext.SearchKey"/>), so that a search matches its words in either order.
    /// </summary>
    public string SearchText { get; private set; } = "";
}

public enum ChairKind
{
    Recliner,
    Bed,
    PrivateRoom,
}

/// <summary>An infusion chair, bed or private room.</summary>
public sealed class Chair
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public ChairKind Kind { get; set; }

    public bool Active { get; set; } = true;

    public int SortOrder { get; set; }
}

/// <summary>The clinic (one row): its name and IANA time zone.</summary>
public sealed class Clinic
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>IANA time zone id, e.g. America/New_York. Instants are stored in UTC and shown in this zone.</summary>
    public required string TimeZone { get; set; }

    public List<OpeningHours> OpeningHours { get; set; } = [];

    /// <summary>Nurses on shift on a day without a staffing entry.</summary>
    public int DefaultNursesOnShift { get; set; } = 3;

    /// <summary>At most this many patients in chairs per nurse at any moment.</summary>
    public int MaxPatientsPerNurse { get; set; } = 4;

    /// <summary>At most this many infusion starts per nurse in any 30-minute span (the stagger rule).</summary>
    public int MaxStartsPerNursePer30Minutes { get; set; } = 2;

    /// <summary>
    /// A regimen needs a signed, valid prescriber order before its doses are ready (readiness codes order-missing and
    /// order-expired); false: orders are not tracked here.
    /// </summary>
    public bool OrderRequired { get; set; }

    /// <summary>Benefits are re-verified by default by the first such month/day after verification (1 January).</summary>
    public int ReverifyMonth { get; set; } = 1;

    /// <inheritdoc cref="ReverifyMonth"/>
    public int ReverifyDay { get; set; } = 1;

    /// <summary>
    /// When a dose can be given more than one way (administration options): true = the shortest eligible option by
    /// default (ocrelizumab's 2-hour infusion); false = the protocol's first eligible option (the standard one).
    /// </summary>
    public bool PreferShorterOptions { get; set; } = true;

    /// <summary>Patients who consented hear from the clinic (confirmation, reminders, changes); off until an admin switches it on.</summary>
    public bool RemindersEnabled { get; set; }

    /// <summary>Reminders this many days before each appointment (default 21, 3 and 1).</summary>
    public List<int> ReminderDays { get; set; } = [21, 3, 1];

    /// <summary>Where patients come (street address as it should read in a message); null: not set.</summary>
    public string? Address { get; set; }

    /// <summary>The number patients call to change or cancel (shown in messages and on the link pages); null: not set.</summary>
    public string? Phone { get; set; }

    public const int MaxAddressLength = 300;

    public uint RowVersion { get; set; }
}

/// <summary>A day the clinic is closed (holiday, one-off closure).</summary>
public sealed class ClinicClosure
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public required string Reason { get; set; }
}

/// <summary>Nurses on shift on one date (overrides <see cref="Clinic.DefaultNursesOnShift"/>).</summary>
public sealed class StaffingDay
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public int NursesOnShift { get; set; }
}

/// <summary>Opening hours for one weekday; a weekday without a row is closed.</summary>
public sealed class OpeningHours
{
    public int Id { get; set; }

    public int ClinicId { get; set; }

    public DayOfWeek Weekday { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }
}
