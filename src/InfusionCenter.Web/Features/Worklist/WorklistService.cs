using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using InfusionCenter.Web.Features.Booking;
using InfusionCenter.Web.Features.ClinicCalendar;
using InfusionCenter.Web.Features.Regimens;
using InfusionCenter.Web.Features.SafetyChecks;
using Microsoft.Extensions.Options;

namespace InfusionCenter.Web.Features.Worklist;

/// <summary>
/// The due-dose worklist (planned doses not yet booked, overdue first) and the slot finder over live data. One service,
/// one file per use case: the due list and its safety flags (here), slot search and free-stretch filling
/// (WorklistService.Slots.cs), auto-booking the due list (WorklistService.AutoBook.cs).
/// </summary>
public sealed partial class WorklistService(
    IDbContextFactory<InfusionDbContext> dbFactory, ClinicCalendarService clinicCalendar, ClinicClock clock, IOptions<DosingOptions> dosing)
{
    /// <summary>Doses due within <paramref name="weeks"/> weeks that have no appointment: overdue first, then by latest date.</summary>
    public async Task<IReadOnlyList<DueDose>> DueAsync(int weeks, CancellationToken cancellationToken = default)
    {
        if (weeks is < 1 or > 52)
        {
            throw RequestValidationException.For("weeks", "weeks must be between 1 and 52.");
        }

        var today = await clock.TodayAsync(cancellationToken);
        var horizon = today.AddDays(7 * weeks);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Doses.AsNoTracking()
            .Where(d => (d.Status == DoseStatus.Planned || d.Status == DoseStatus.Missed) && d.Earliest <= horizon && d.Regimen!.Status == RegimenStatus.Active)
            .Select(d => new
            {
                d.Id, d.RegimenId, d.Regimen!.PatientId, d.Regimen.Patient!.GivenName, d.Regimen.Patient.FamilyName, d.Regimen.Patient.Mrn,
                d.Regimen.Patient.AuthorizationExpires, d.Regimen.Patient.PreferredTime, d.Regimen.Patient.PreferredWeekdays, Protocol = d.Regimen.ProtocolVersion!.Protocol!.Code, d.Regimen.ProtocolVersion.Name,
                d.Regimen.ProtocolVersionId, d.Sequence, d.Label, d.TargetDate, d.Earliest, d.Latest, d.Amount, d.Unit, d.ChairMinutes,
                d.Course, d.DayInCourse, d.Status, d.AmountPerM2, d.Regimen.Bsa, d.Regimen.Patient.HeightCm, d.Regimen.Patient.WeightKg, d.OptionCode,
            })
            .ToListAsync(cancellationToken);

        // Each protocol version's definition read and deserialized once, not per dose.
        var definitions = await ProtocolDefinitions.LoadAsync(db, rows.Select(r => (int?)r.ProtocolVersionId), cancellationToken);
        var courseLengths = rows.GroupBy(r => (r.RegimenId, r.Course)).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<DueDose>();
        foreach (var r in rows)
        {
            var definition = definitions[r.ProtocolVersionId];
            // A consecutive-day course appears once, by its first open day.
            var courseDays = definition.IsCourseSeries ? courseLengths[(r.RegimenId, r.Course)] : 1;
            if (definition.IsCourseSeries && rows.Any(o => o.RegimenId == r.RegimenId && o.Course == r.Course && o.DayInCourse < r.DayInCourse))
            {
                continue;
            }

            var overdue = r.Latest < today || r.Status == DoseStatus.Missed;
            var bsaChange = BsaRedose.IsRedosable(r.Status, r.AmountPerM2)
                && BsaRedose.Flagged(definition, r.Bsa, r.HeightCm, r.WeightKg, dosing.Value.BsaChangeThreshold) is { } change
                ? BsaRedose.ToDto(change, [BsaRedose.Line(definition, r.Id, r.Sequence, r.TargetDate, r.Status, r.Amount, r.AmountPerM2!.Value, r.Unit, change.CurrentBsa)])
                : null;
            result.Add(new DueDose(r.Id, r.PatientId, $"{r.FamilyName}, {r.GivenName}", r.Mrn, r.Protocol, r.Name, r.Sequence, r.Label,
                r.TargetDate, r.Earliest, r.Latest, r.Amount, r.Unit, r.ChairMinutes, courseDays, overdue, r.Status,
                Flags(definition, r.AuthorizationExpires, r.Latest, r.Sequence, today, overdue),
                Patients.PatientDto.Preferences(r.PreferredTime, r.PreferredWeekdays), bsaChange,
                r.OptionCode, definitions.OptionName(r.ProtocolVersionId, r.Sequence, r.OptionCode)));
        }

        return result.OrderByDescending(d => d.Overdue).ThenBy(d => d.Latest).ThenBy(d => d.Target).ThenBy(d => d.PatientName).ToList();
    }

    /// <summary>Safety flags from the protocol's gates (data) and the patient's authorization on file.</summary>
    private static List<string> Flags(ProtocolDefinition definition, DateOnly? authorizationExpires, DateOnly latest, int sequence, DateOnly today, bool overdue)
    {
        var flags = new List<string>();
        if (overdue)
        {
            flags.Add("Overdue");
        }

        foreach (var gate in definition.SafetyGates)
        {
            if (gate.Code.EndsWith("authorization", StringComparison.Ordinal) && gate.Blocking)
            {
                flags.Add(authorizationExpires switch
                {
                    null => "Authorization not on file",
                    { } expiry when expiry < today => $"Authorization expired {expiry:yyyy-MM-dd}",
                    { } expiry when expiry <= latest.AddDays(30) => $"Authorization expires {expiry:yyyy-MM-dd}",
                    _ => null,
                } ?? "");
            }
            else if (gate.Blocking && gate.Timing != GateTiming.Periodic && gate.AppliesAtInfusion(sequence, 1)) // listed by its first course day
            {
                flags.Add(SafetyCheckService.Label(gate.Code));
            }
        }

        flags.RemoveAll(string.IsNullOrEmpty);
        return flags.Distinct().ToList(); // e.g. authorization before each dose and re-authorization: one flag
    }
}
