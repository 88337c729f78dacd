using InfusionCenter.Web.Data;

namespace InfusionCenter.Web.Features.Capacity;

/// <summary>Outcomes, drug mix and overruns from the grouped rows of <see cref="CapacitySql.Mix"/>. Pure functions.</summary>
internal static class CapacityMix
{
    public static string OutcomeLabel(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "Booked (not yet arrived)",
        AppointmentStatus.CheckedIn => "Checked in",
        AppointmentStatus.InChair => "In chair",
        AppointmentStatus.Completed => "Completed",
        AppointmentStatus.Cancelled => "Cancelled",
        AppointmentStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    public static IReadOnlyList<OutcomeRow> Outcomes(List<MixRow> rows)
    {
        var total = rows.Sum(r => r.Appointments);
        var counts = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Sum(r => r.Appointments));
        return Enum.GetValues<AppointmentStatus>()
            .Select(s => (Label: OutcomeLabel(s), Count: counts.GetValueOrDefault(s.ToString())))
            .Select(x => new OutcomeRow(x.Label, x.Count, total == 0 ? 0 : (double)x.Count / total))
            .Append(new OutcomeRow("All appointments", total, total == 0 ? 0 : 1))
            .ToList();
    }

    /// <summary>The drug mix counts only appointments that hold chair time (not cancelled, not no-shows).</summary>
    public static List<MixRow> DrugTotals(List<MixRow> rows) => rows
        .Where(r => r.Status is not (nameof(AppointmentStatus.Cancelled) or nameof(AppointmentStatus.NoShow)))
        .GroupBy(r => r.Protocol, StringComparer.Ordinal)
        .Select(g => new MixRow
        {
            Protocol = g.Key,
            Appointments = g.Sum(r => r.Appointments),
            PlannedMinutes = g.Sum(r => r.PlannedMinutes),
            Measured = g.Sum(r => r.Measured),
            ActualMinutes = g.Sum(r => r.ActualMinutes),
            Overruns = g.Sum(r => r.Overruns),
            OverrunMinutes = g.Sum(r => r.OverrunMinutes),
        })
        .ToList();

    public static IReadOnlyList<DrugRow> Drugs(List<MixRow> rows)
    {
        var totalMinutes = rows.Sum(r => r.PlannedMinutes);
        return rows
            .OrderByDescending(r => r.PlannedMinutes).ThenBy(r => r.Protocol, StringComparer.Ordinal)
            .Select(r => new DrugRow(
                r.Protocol.Length == 0 ? "(no dose linked)" : r.Protocol,
                r.Appointments,
                r.PlannedMinutes / 60.0,
                totalMinutes == 0 ? 0 : r.PlannedMinutes / totalMinutes,
                r.Appointments == 0 ? 0 : r.PlannedMinutes / r.Appointments,
                r.Measured,
                r.Measured == 0 ? null : r.ActualMinutes / r.Measured,
                r.Overruns,
                r.Overruns == 0 ? null : r.OverrunMinutes / r.Overruns))
            .ToList();
    }

    public static OverrunSummary Overruns(List<MixRow> rows)
    {
        var measured = rows.Sum(r => r.Measured);
        var overran = rows.Sum(r => r.Overruns);
        var appointments = rows.Sum(r => r.Appointments);
        return new OverrunSummary(
            measured, overran, measured == 0 ? 0 : (double)overran / measured,
            overran == 0 ? null : rows.Sum(r => r.OverrunMinutes) / overran,
            measured == 0 ? null : rows.Sum(r => r.ActualMinutes) / measured,
            appointments == 0 ? null : rows.Sum(r => r.PlannedMinutes) / appointments);
    }
}
