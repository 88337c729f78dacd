using System.Globalization;
using System.Text;
using System.Text.Json;
using InfusionCenter.Web.Components.Shared;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.SafetyChecks;

namespace InfusionCenter.Web.Features.Audit;

/// <summary>
/// The audit trail in words: entity types, actions, field names and values as a nurse or manager reads them (no property
/// names, no enum identifiers, no raw JSON, instants in the clinic's time zone). Pure: names looked up elsewhere come in
/// through <paramref name="chairName"/>-style callbacks.
/// </summary>
public static class AuditText
{
    private static readonly Dictionary<string, string> TypeLabels = new(StringComparer.Ordinal)
    {
        ["SafetyCheck"] = "Safety check", ["ProtocolVersion"] = "Protocol version", ["Clinic"] = "Clinic settings",
        ["OpeningHours"] = "Opening hours", ["ClinicClosure"] = "Closure", ["StaffingDay"] = "Staffing", ["Account"] = "Account",
    };

    private static readonly Dictionary<string, string> ActionLabels = new(StringComparer.Ordinal)
    {
        ["Created"] = "Created", ["Updated"] = "Changed", ["Deleted"] = "Removed", ["SignIn"] = "Signed in", ["SignInFailed"] = "Sign-in failed",
    };

    /// <summary>The actions recorded, in the order the filter lists them.</summary>
    public static readonly IReadOnlyList<string> Actions = ["Created", "Updated", "Deleted", "SignIn", "SignInFailed"];

    /// <summary>Properties never shown: keys, concurrency tokens, search keys (the row already names its entity and patient).</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "Id", "RowVersion", "SearchText", "PatientId", "RegimenId", "DoseId", "AppointmentId", "ProtocolId", "ProtocolVersionId",
        "DrugId", "ClinicId", "CourseGroup", "SortOrder",
    };

    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["Mrn"] = "MRN", ["HeightCm"] = "Height (cm)", ["WeightKg"] = "Weight (kg)", ["Bsa"] = "BSA (m²)", ["StartsAt"] = "Starts",
        ["EndsAt"] = "Ends", ["ChairId"] = "Chair", ["ProtocolCode"] = "Drug", ["GateCode"] = "Check", ["CancelReason"] = "Reason for cancelling",
        ["PriorCumulativeMgPerM2"] = "Prior cumulative dose (mg/m²)", ["AmountPerM2"] = "Amount per m² (mg)", ["DefinitionJson"] = "Definition",
        ["IntervalOverrideValue"] = "Interval override", ["IntervalOverrideUnit"] = "Interval override unit",
        ["DefaultNursesOnShift"] = "Nurses on shift (default)", ["MaxPatientsPerNurse"] = "Patients per nurse (max)",
        ["MaxStartsPerNursePer30Minutes"] = "Starts per nurse per 30 minutes (max)", ["TimeZone"] = "Time zone", ["Kind"] = "Kind",
        ["StopReason"] = "Calendar ends because", ["InChairAt"] = "In chair at", ["Note"] = "Note",
        ["OptionCode"] = "Way of giving", ["OptionChosenBy"] = "Way of giving chosen by", ["RebookReason"] = "Re-book because",
        ["PreferShorterOptions"] = "Shortest eligible way by default", ["CalendarSequence"] = "Calendar file version",
        ["RemindersEnabled"] = "Appointment emails", ["ReminderDays"] = "Reminder days before", ["ReminderChannel"] = "Reminders by",
        ["ReminderConsentOn"] = "Consent to reminders on", ["ReminderConsentBy"] = "Consent recorded by", ["RemindersOptedOutOn"] = "Opted out of reminders on",
    };

    /// <summary>Fields holding an enum value: shown as words ("InChair" -> "In chair").</summary>
    private static readonly HashSet<string> EnumFields = new(StringComparer.Ordinal) { "Status", "Kind", "PreferredTime", "PreferredWeekdays", "Weekday" };

    /// <summary>What a reader looks for first in a new or removed row (then the rest, alphabetically).</summary>
    private static readonly string[] FirstFields =
    [
        "GivenName", "FamilyName", "Mrn", "BirthDate", "Name", "Code", "Version", "GenericName", "BrandName", "Sequence", "Label",
        "TargetDate", "StartsAt", "EndsAt", "ChairId", "ProtocolCode", "Status", "Amount", "Unit", "GateCode", "ConfirmedOn", "Date", "Reason",
        "Weekday", "Opens", "Closes", "NursesOnShift", "Kind", "Active", "Role", "Disabled",
    ];

    /// <summary>Sort key of a field: the important ones first, in <see cref="FirstFields"/> order.</summary>
    public static int FieldRank(string field) => Array.IndexOf(FirstFields, field) is var i and >= 0 ? i : FirstFields.Length;

    public static string TypeLabel(string type) => TypeLabels.TryGetValue(type, out var label) ? label : Words(type);

    public static string ActionLabel(string action) => ActionLabels.TryGetValue(action, out var label) ? label : Words(action);

    /// <summary>"FamilyName" -> "Family name", "Mrn" -> "MRN", "MaxStartsPerNursePer30Minutes" -> "Starts per nurse per 30 minutes (max)".</summary>
    public static string FieldLabel(string field) => FieldLabels.TryGetValue(field, out var label) ? label : Words(field);

    public static bool IsHidden(string field) => Hidden.Contains(field);

    /// <summary>PascalCase or camelCase as words, capital first: "BeforeEachDose" -> "Before each dose", "givenOn" -> "Given on".</summary>
    public static string Words(string identifier)
    {
        var text = new StringBuilder(identifier.Length + 8);
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            var boundary = i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(identifier[i - 1])));
            if (boundary)
            {
                text.Append(' ');
            }

            text.Append(i == 0 ? char.ToUpperInvariant(c) : boundary && char.IsUpper(c) ? char.ToLowerInvariant(c) : c);
        }

        return text.ToString();
    }

    /// <summary>The before/after pairs of an audit row's JSON (<c>{"Field": {"before": .., "after": ..}}</c>, or a note for sign-ins).</summary>
    public static IReadOnlyList<(string Field, JsonElement? Before, JsonElement? After)> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            var pairs = new List<(string, JsonElement?, JsonElement?)>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                var isPair = value.ValueKind == JsonValueKind.Object && value.EnumerateObject().All(p => p.Name is "before" or "after");
                if (!isPair)
                {
                    pairs.Add((property.Name, null, value.Clone()));
                    continue;
                }

                JsonElement? before = value.TryGetProperty("before", out var b) ? b.Clone() : null;
                JsonElement? after = value.TryGetProperty("after", out var a) ? a.Clone() : null;
                pairs.Add((property.Name, before, after));
            }

            return pairs;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>One value in words: instants in the clinic's zone, enums as words, yes/no, chairs by name, checks by label.</summary>
    public static string? Value(string entityType, string field, JsonElement? value, TimeZoneInfo zone, Func<int, string?> chairName)
    {
        if (value is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                return "Yes";
            case JsonValueKind.False:
                return "No";
            case JsonValueKind.Array:
                var items = element.EnumerateArray().Select(e => Value(entityType, field, e, zone, chairName)).Where(v => v is not null).ToList();
                return items.Count == 0 ? null : string.Join(", ", items);
            case JsonValueKind.Object:
                return "(details)";
            case JsonValueKind.Number:
                return field == "ChairId" && element.TryGetInt32(out var chairId) ? chairName(chairId) ?? $"chair {chairId}"
                    : element.TryGetDecimal(out var number) ? number.ToString("0.####", CultureInfo.InvariantCulture) : element.GetRawText();
        }

        var text = element.GetString() ?? "";
        return field switch
        {
            "DefinitionJson" => "saved (see the protocol's versions)",
            "GateCode" => SafetyCheckService.Label(text),
            "ProtocolCode" => Capitalized(text),
            "Status" when entityType == "Appointment" && Enum.TryParse<AppointmentStatus>(text, out var status) => UiText.StatusLabel(status),
            "Status" when entityType == "Dose" && Enum.TryParse<DoseStatus>(text, out var doseStatus) => UiText.DoseStatusLabel(doseStatus),
            "Kind" when entityType == "Chair" && Enum.TryParse<ChairKind>(text, out var kind) => UiText.ChairKindLabel(kind),
            "StopReason" => text.Replace('-', ' '),
            "PreferredTime" when text == "None" => "No preference",
            _ when EnumFields.Contains(field) => Words(text),
            _ => Instant(text, zone) ?? Time(text) ?? Shortened(text),
        };
    }

    /// <summary>A UTC instant as clinic-local date and time ("2026-11-23 09:30"), or null when <paramref name="text"/> is not an instant.</summary>
    public static string? Instant(string text, TimeZoneInfo zone)
    {
        if (text.Length < 19 || text[10] != 'T'
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return null;
        }

        return Local(instant.UtcDateTime, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    public static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>"ocrelizumab" -> "Ocrelizumab" (protocol codes and generic drug names are stored in lower case).</summary>
    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string? Time(string text) =>
        text.Length == 8 && TimeOnly.TryParseExact(text, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToString("HH:mm", CultureInfo.InvariantCulture)
            : null;

    private static string Shortened(string text) => text.Length <= 160 ? text : text[..157] + "…";
}
