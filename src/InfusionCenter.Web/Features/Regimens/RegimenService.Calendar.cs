using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Protocols;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>Keeping a regimen's stored doses in line with the calendar the Domain computes for it.</summary>
public sealed partial class RegimenService
{
    /// <summary>Recomputes the calendar from the regimen's options and every dose recorded as given.</summary>
    private static void Recompute(Regimen regimen)
    {
        var definition = ProtocolJson.Deserialize(regimen.ProtocolVersion!.DefinitionJson);
        var given = regimen.Doses.Where(d => d is { Status: DoseStatus.Given, GivenOn: not null }).ToDictionary(d => d.Sequence, d => d.GivenOn!.Value);
        var query = new CalendarQuery(regimen.Start, regimen.Until, regimen.Bsa, regimen.PriorCumulativeMgPerM2, regimen.Days,
            regimen.IntervalOverrideUnit == nameof(IntervalUnit.Weeks) ? regimen.IntervalOverrideValue : null);
        var calendar = ProtocolService.Compute(definition, query, given);
        regimen.StopReason = calendar.StopReason;
        Apply(regimen, calendar);
    }

    /// <summary>Brings the stored doses in line with a computed calendar, keeping statuses and history.</summary>
    private static void Apply(Regimen regimen, CalendarResult calendar)
    {
        var warnings = calendar.Warnings.GroupBy(w => w.Sequence).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(w => w.Message)));
        var planned = calendar.Doses.ToDictionary(d => d.Sequence);
        foreach (var dose in regimen.Doses.ToList())
        {
            if (dose.Status == DoseStatus.Cancelled)
            {
                continue;
            }

            if (!planned.TryGetValue(dose.Sequence, out var plan))
            {
                // The recomputed series no longer has this dose (e.g. the cap now stops earlier).
                if (dose.Status == DoseStatus.Given)
                {
                    dose.Warning = "Recorded as given, but no longer part of the calculated plan.";
                }
                else
                {
                    dose.Status = DoseStatus.Cancelled;
                    dose.Warning = "No longer part of the plan after the calendar was recalculated.";
                }

                continue;
            }

            Copy(plan, dose);
            dose.Warning = warnings.GetValueOrDefault(dose.Sequence);
        }

        var existing = regimen.Doses.Select(d => d.Sequence).ToHashSet();
        foreach (var plan in calendar.Doses.Where(p => !existing.Contains(p.Sequence)))
        {
            var dose = new Dose { Unit = plan.Unit, Label = plan.Label, Status = DoseStatus.Planned, Sequence = plan.Sequence };
            Copy(plan, dose);
            dose.Warning = warnings.GetValueOrDefault(plan.Sequence);
            regimen.Doses.Add(dose);
        }

        if (regimen.Doses.All(d => d.Status is DoseStatus.Given or DoseStatus.Cancelled) && calendar.StopReason != StopReasons.Until)
        {
            regimen.Status = RegimenStatus.Completed;
        }
    }

    private static void Copy(PlannedDose plan, Dose dose)
    {
        dose.TargetDate = plan.Date;
        dose.Earliest = plan.Earliest;
        dose.Latest = plan.Latest;
        if (dose.Status != DoseStatus.Given)
        {
            // A given dose keeps the amount it was given at: after a re-dose (a new BSA) only the doses still to give change.
            dose.Amount = plan.Amount;
        }

        dose.Unit = plan.Unit;
        dose.AmountPerM2 = plan.AmountPerM2;
        dose.ChairMinutes = plan.ChairMinutes;
        dose.Course = plan.Course;
        dose.DayInCourse = plan.DayInCourse;
        dose.Label = plan.Label;
    }
}
