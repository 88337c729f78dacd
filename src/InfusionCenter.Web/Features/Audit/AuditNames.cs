using System.Globalization;
using System.Text.Json;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.SafetyChecks;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Audit;

/// <summary>What an audit row needs to name its entity (and its patient): a few facts of the entity, loaded for a whole page at once.</summary>
internal sealed class NameFacts
{
    public string Type { get; set; } = "";
    public int Id { get; set; }
    public string? Text { get; set; }
    public string? Detail { get; set; }
    public DateTime? When { get; set; }
    public DateOnly? Day { get; set; }
    public int? Number { get; set; }
    public int? PatientId { get; set; }
    public string? Given { get; set; }
    public string? Family { get; set; }
    public string? Mrn { get; set; }
}

/// <summary>
/// Names the entities of one page of audit rows with ONE query (a UNION ALL of one small branch per entity type on the
/// page, each reading its rows by id and joining to the patient), never one query per row. Rows whose entity is gone
/// (a removed closure, a deleted chair) are named from the values the audit row itself recorded.
/// </summary>
internal static class AuditNames
{
    /// <summary>Entity types whose rows belong to a patient (the trail names the patient next to them).</summary>
    public static readonly HashSet<string> PatientRelated = new(StringComparer.Ordinal) { "Regimen", "Dose", "Appointment", "SafetyCheck" };

    public static async Task<Dictionary<(string Type, int Id), NameFacts>> LoadAsync(InfusionDbContext db, IReadOnlyDictionary<string, HashSet<int>> ids, CancellationToken cancellationToken)
    {
        int[] Of(string type) => ids.TryGetValue(type, out var set) ? [.. set] : [];

        IQueryable<NameFacts>? query = null;
        void Add(string type, Func<int[], IQueryable<NameFacts>> branch)
        {
            var wanted = Of(type);
            if (wanted.Length > 0)
            {
                query = query is null ? branch(wanted) : query.Concat(branch(wanted));
            }
        }

        Add("Patient", w => db.Patients.Where(p => w.Contains(p.Id)).Select(p => new NameFacts
        {
            Type = "Patient", Id = p.Id, Text = null, Detail = null, When = null, Day = null, Number = null,
            PatientId = p.Id, Given = p.GivenName, Family = p.FamilyName, Mrn = p.Mrn,
        }));
        Add("Regimen", w => db.Regimens.Where(r => w.Contains(r.Id)).Select(r => new NameFacts
        {
            Type = "Regimen", Id = r.Id, Text = r.ProtocolVersion!.Protocol!.Code, Detail = null, When = null, Day = r.Start, Number = null,
            PatientId = r.PatientId, Given = r.Patient!.GivenName, Family = r.Patient.FamilyName, Mrn = r.Patient.Mrn,
        }));
        Add("Dose", w => db.Doses.Where(d => w.Contains(d.Id)).Select(d => new NameFacts
        {
            Type = "Dose", Id = d.Id, Text = d.Regimen!.ProtocolVersion!.Protocol!.Code, Detail = d.Label, When = null, Day = d.TargetDate, Number = d.Sequence,
            PatientId = d.Regimen.PatientId, Given = d.Regimen.Patient!.GivenName, Family = d.Regimen.Patient.FamilyName, Mrn = d.Regimen.Patient.Mrn,
        }));
        Add("Appointment", w => db.Appointments.Where(a => w.Contains(a.Id)).Select(a => new NameFacts
        {
            Type = "Appointment", Id = a.Id, Text = a.Chair!.Name, Detail = a.ProtocolCode, When = a.StartsAt, Day = null, Number = null,
            PatientId = a.PatientId, Given = a.Patient!.GivenName, Family = a.Patient.FamilyName, Mrn = a.Patient.Mrn,
        }));
        Add("SafetyCheck", w => db.SafetyChecks.Where(s => w.Contains(s.Id)).Join(db.Patients, s => s.PatientId, p => p.Id, (s, p) => new NameFacts
        {
            Type = "SafetyCheck", Id = s.Id, Text = s.GateCode, Detail = null, When = null, Day = s.ConfirmedOn, Number = null,
            PatientId = p.Id, Given = p.GivenName, Family = p.FamilyName, Mrn = p.Mrn,
        }));
        Add("Chair", w => db.Chairs.Where(c => w.Contains(c.Id)).Select(c => new NameFacts
        {
            Type = "Chair", Id = c.Id, Text = c.Name, Detail = null, When = null, Day = null, Number = null, PatientId = null, Given = null, Family = null, Mrn = null,
        }));
        Add("Protocol", w => db.Protocols.Where(p => w.Contains(p.Id)).Select(p => new NameFacts
        {
            Type = "Protocol", Id = p.Id, Text = p.Code, Detail = null, When = null, Day = null, Number = p.CurrentVersion, PatientId = null, Given = null, Family = null, Mrn = null,
        }));
        Add("ProtocolVersion", w => db.ProtocolVersions.Where(v => w.Contains(v.Id)).Select(v => new NameFacts
        {
            Type = "ProtocolVersion", Id = v.Id, Text = v.Protocol!.Code, Detail = null, When = null, Day = null, Number = v.Version, PatientId = null, Given = null, Family = null, Mrn = null,
        }));
        Add("Clinic", w => db.Clinics.Where(c => w.Contains(c.Id)).Select(c => new NameFacts
        {
            Type = "Clinic", Id = c.Id, Text = c.Name, Detail = null, When = null, Day = null, Number = null, PatientId = null, Given = null, Family = null, Mrn = null,
        }));
        Add("OpeningHours", w => db.OpeningHours.Where(h => w.Contains(h.Id)).Select(h => new NameFacts
        {
            Type = "OpeningHours", Id = h.Id, Text = null, Detail = null, When = null, Day = null, Number = (int)h.Weekday, PatientId = null, Given = null, Family = null, Mrn = null,
        }));
        Add("ClinicClosure", w => db.ClinicClosures.Where(c => w.Contains(c.Id)).Select(c => new NameFacts
        {
            Type = "ClinicClosure", Id = c.Id, Text = c.Reason, Detail = null, When = null, Day = c.Date, Number = null, PatientId = null, Given = null, Family = null, Mrn = null,
        }));
        Add("StaffingDay", w => db.StaffingDays.Where(s => w.Contains(s.Id)).Select(s => new NameFacts
        {
            Type = "StaffingDay", Id = s.Id, Text = null, Detail = null, When = null, Day = s.Date, Number = s.NursesOnShift, PatientId = null, Given = null, Family = null, Mrn = null,
        }));
        Add("Drug", w => db.Drugs.Where(d => w.Contains(d.Id)).Select(d => new NameFacts
        {
            Type = "Drug", Id = d.Id, Text = d.GenericName, Detail = d.BrandName, When = null, Day = null, Number = null, PatientId = null, Given = null, Family = null, Mrn = null,
        }));

        return query is null ? [] : (await query.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(f => (f.Type, f.Id));
    }

    /// <summary>The facts an audit row recorded itself (for an entity that is gone): its "after" values, else its "before" values.</summary>
    public static NameFacts FromSnapshot(string type, int id, IReadOnlyList<(string Field, JsonElement? Before, JsonElement? After)> changes)
    {
        string? Get(string field) => changes.FirstOrDefault(c => c.Field == field) is { Field: not null } c
            ? (c.After ?? c.Before) is { ValueKind: not JsonValueKind.Null } v ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null
            : null;
        int? Int(string field) => int.TryParse(Get(field), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        DateOnly? Day(string field) => DateOnly.TryParse(Get(field), CultureInfo.InvariantCulture, out var d) ? d : null;
        DateTime? When(string field) => DateTimeOffset.TryParse(Get(field), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t.UtcDateTime : null;

        var facts = new NameFacts { Type = type, Id = id, PatientId = Int("PatientId"), Given = Get("GivenName"), Family = Get("FamilyName"), Mrn = Get("Mrn") };
        switch (type)
        {
            case "Chair" or "Clinic":
                facts.Text = Get("Name");
                break;
            case "ClinicClosure":
                (facts.Text, facts.Day) = (Get("Reason"), Day("Date"));
                break;
            case "StaffingDay":
                (facts.Number, facts.Day) = (Int("NursesOnShift"), Day("Date"));
                break;
            case "OpeningHours":
                facts.Number = Enum.TryParse<DayOfWeek>(Get("Weekday"), out var weekday) ? (int)weekday : null;
                break;
            case "Dose":
                (facts.Number, facts.Detail, facts.Day) = (Int("Sequence"), Get("Label"), Day("TargetDate"));
                break;
            case "Appointment":
                (facts.When, facts.Detail) = (When("StartsAt"), Get("ProtocolCode"));
                break;
            case "Regimen":
                facts.Day = Day("Start");
                break;
            case "SafetyCheck":
                (facts.Text, facts.Day) = (Get("GateCode"), Day("ConfirmedOn"));
                break;
            case "ProtocolVersion":
                facts.Number = Int("Version");
                break;
            case "Protocol":
                facts.Text = Get("Code");
                break;
            case "Drug":
                (facts.Text, facts.Detail) = (Get("GenericName"), Get("BrandName"));
                break;
        }

        return facts;
    }

    /// <summary>The entity in words: "Patient Maria Alvarez (MRN 100234)", "Dose 3 of Natalizumab (maintenance), target 2027-01-04", "Chair 3".</summary>
    public static string Describe(string type, string? entityId, NameFacts? f, TimeZoneInfo zone, bool patientNames)
    {
        var label = AuditText.TypeLabel(type);
        if (type == "Account")
        {
            return $"Account {entityId}";
        }

        if (f is null)
        {
            return entityId is null ? label : $"{label} record {entityId}";
        }

        string Day(DateOnly? d) => d?.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";
        string Drug(string? code) => code is null ? "a drug" : AuditText.Capitalized(code);
        return type switch
        {
            "Patient" => patientNames && f.Family is not null ? $"Patient {PatientName(f)}" : $"Patient record {f.Id}",
            "Regimen" => $"{Drug(f.Text)} regimen from {Day(f.Day)}",
            "Dose" => $"Dose {f.Number?.ToString(CultureInfo.InvariantCulture) ?? "?"} of {Drug(f.Text)}{(f.Detail is { Length: > 0 } l ? $" ({l})" : "")}, target {Day(f.Day)}",
            "Appointment" => $"Appointment {(f.When is { } w ? AuditText.Local(w, zone).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "?")}"
                + (f.Text is { } chair ? $" on {chair}" : "") + (f.Detail is { } drug ? $" ({Drug(drug)})" : ""),
            "SafetyCheck" => $"Safety check {(f.Text is { } code ? SafetyCheckService.Label(code) : "?")} on {Day(f.Day)}",
            "Chair" => f.Text ?? $"Chair record {f.Id}",
            "Protocol" => $"Protocol {Drug(f.Text)}",
            "ProtocolVersion" => $"Protocol {Drug(f.Text)}, version {f.Number}",
            "Clinic" => $"Clinic settings{(f.Text is { } name ? $" ({name})" : "")}",
            "OpeningHours" => f.Number is { } day ? $"Opening hours on {(DayOfWeek)day}s" : "Opening hours",
            "ClinicClosure" => $"Closure on {Day(f.Day)}{(f.Text is { } reason ? $" ({reason})" : "")}",
            "StaffingDay" => $"Staffing on {Day(f.Day)}",
            "Drug" => $"Drug {Drug(f.Text)}{(f.Detail is { } brand ? $" ({brand})" : "")}",
            _ => entityId is null ? label : $"{label} record {entityId}",
        };
    }

    public static string PatientName(NameFacts f) => $"{f.Given} {f.Family} (MRN {f.Mrn})";
}
