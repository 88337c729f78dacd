using System.Globalization;
using InfusionCenter.Domain.Scheduling;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Booking;
using InfusionCenter.Web.Features.Chairs;
using InfusionCenter.Web.Features.ClinicCalendar;
using InfusionCenter.Web.Features.Readiness;
using InfusionCenter.Web.Features.SafetyChecks;
using InfusionCenter.Web.Infrastructure;

namespace InfusionCenter.Web.Features.Board;

/// <summary>
/// What the chair board and the printable day list show for one clinic-local day, gathered from the chairs, the clinic
/// calendar, the appointments and their pre-infusion checks (the pages only lay it out).
/// </summary>
public sealed class BoardService(
    ChairService chairs,
    AppointmentService appointments,
    SafetyCheckService safetyChecks,
    ClinicCalendarService clinicCalendar,
    ReadinessService readiness,
    ClinicClock clock)
{
    /// <summary>
    /// The board for <paramref name="day"/>. With <paramref name="withFreeStretches"/> (nurses, who may book) each chair's
    /// free stretches of at least 30 minutes from now on are offered for filling; managers get none.
    /// </summary>
    public async Task<BoardDay> DayAsync(DateOnly day, bool withFreeStretches, CancellationToken cancellationToken = default)
    {
        var chairList = await chairs.ActiveAsync(cancellationToken);
        var settings = await clinicCalendar.LoadAsync(day, day, cancellationToken);
        var (hours, closedBecause) = settings.HoursOn(day);
        var all = await appointments.ForDayAsync(day, cancellationToken);
        var active = all.Where(a => !IsGone(a.Status)).ToList();
        var cancelled = all.Where(a => IsGone(a.Status)).OrderBy(a => a.Start).ToList();
        var checksOpen = await safetyChecks.BlockingOpenAsync(active.Select(a => a.Id).ToList(), cancellationToken);
        // Readiness matters until the dose is given: completed appointments are history.
        var ready = await readiness.ForDosesAsync(
            active.Where(a => a.DoseId is not null && a.Status != AppointmentStatus.Completed).Select(a => a.DoseId!.Value).ToList(), cancellationToken);

        var now = settings.ToLocal(clock.UtcNow.UtcDateTime);
        TimeOnly? nowOnBoard = hours is not null && DateOnly.FromDateTime(now) == day && TimeOnly.FromDateTime(now) is var t && t >= hours.Opens && t <= hours.Closes
            ? t
            : null;
        var stretches = withFreeStretches && hours is not null
            ? FreeStretches.Find(day, hours, now, chairList.Select(c => c.Id),
                active.Select(a => new Domain.Scheduling.Booking(a.ChairId, a.Start.DateTime, a.End.DateTime, a.PatientId)))
            : [];
        return new BoardDay(day, hours, closedBecause, settings.NursesOn(day), chairList, active, cancelled, checksOpen, nowOnBoard, stretches)
        {
            Readiness = ready,
        };
    }

    /// <summary>The printable day list for <paramref name="day"/>: active appointments by chair (board order) and time.</summary>
    public async Task<DayList> DayListAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var chairList = await chairs.ActiveAsync(cancellationToken);
        var settings = await clinicCalendar.LoadAsync(day, day, cancellationToken);
        var (hours, closedBecause) = settings.HoursOn(day);
        var all = await appointments.ForDayAsync(day, cancellationToken);
        var active = all.Where(a => !IsGone(a.Status)).ToList();
        var checks = await safetyChecks.ForAppointmentsAsync(active.Select(a => a.Id).ToList(), cancellationToken);

        // Board order: active chairs by their sort order; an appointment on a chair since taken out of service comes last.
        var order = chairList.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var kinds = chairList.ToDictionary(c => c.Id, c => c.Kind);
        var grouped = active
            .GroupBy(a => (a.ChairId, a.ChairName))
            .OrderBy(g => order.GetValueOrDefault(g.Key.ChairId, int.MaxValue)).ThenBy(g => g.Key.ChairName, StringComparer.Ordinal)
            .Select(g => new DayListChair(g.Key.ChairId, g.Key.ChairName, kinds.GetValueOrDefault(g.Key.ChairId, ChairKind.Recliner),
                g.OrderBy(a => a.Start).Select(a => Row(a, checks.GetValueOrDefault(a.Id) ?? [])).ToList()))
            .ToList();
        return new DayList(day, hours, closedBecause, grouped, all.Count - active.Count);
    }

    private static DayListRow Row(AppointmentDto a, IReadOnlyList<SafetyCheckDto> checks) => new(
        a.Id, TimeOnly.FromDateTime(a.Start.DateTime), TimeOnly.FromDateTime(a.End.DateTime), a.PatientName, a.Mrn, a.ChairName,
        a.ProtocolName, a.Protocol,
        a.DoseSequence is { } sequence ? $"dose {sequence}{(string.IsNullOrWhiteSpace(a.DoseLabel) ? "" : $" ({a.DoseLabel})")}" : null,
        a.DoseAmount is { } amount ? $"{amount.ToString("0.##", CultureInfo.InvariantCulture)} {a.DoseUnit}".TrimEnd() : null,
        a.Status,
        a.Status == AppointmentStatus.Completed
            ? []
            : checks.Where(c => !c.Confirmed).OrderByDescending(c => c.Blocking).Select(c => new DayListCheck(c.Label, c.Blocking)).ToList(),
        a.OptionName, a.RebookReason);

    private static bool IsGone(AppointmentStatus status) => status is AppointmentStatus.Cancelled or AppointmentStatus.NoShow;
}
