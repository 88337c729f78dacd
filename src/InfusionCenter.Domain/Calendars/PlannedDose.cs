using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Calendars;

public enum DoseKind
{
    /// <summary>One of the protocol's initial steps (loading doses, first dose).</summary>
    Initial,
    Maintenance,
    CourseDay,
}

/// <summary>
/// One dose of a calendar.
/// </summary>
/// <param name="Sequence">1-based position in the series (the key of <see cref="CalendarRequest.Given"/>).</param>
/// <param name="Date">Target date.</param>
/// <param name="Earliest">Earliest acceptable date (target − window, never closer than the minimum spacing).</param>
/// <param name="Latest">Latest acceptable date (target + window).</param>
/// <param name="Amount">Dose to give, rounded per protocol (BSA-dosed: mg/m² × BSA).</param>
/// <param name="Unit">Unit of <paramref name="Amount"/> ("mg").</param>
/// <param name="AmountPerM2">Prescribed mg/m² for BSA-dosed doses, else null.</param>
/// <param name="ChairTime">Chair minutes broken down (premed + infusion + observation).</param>
/// <param name="Course">1-based dosing period: the course for course series; for dose series 1 = the initial dose(s), then one per maintenance dose.</param>
/// <param name="DayInCourse">1-based day of the course (course series) or position in the period (dose series: ocrelizumab's day-15 infusion is 2).</param>
/// <param name="Kind">Initial, maintenance or course day.</param>
/// <param name="Label">Protocol label ("loading", "maintenance", "course day", ...).</param>
/// <param name="GivenDate">Actual date when recorded as given, else null.</param>
public sealed record PlannedDose(
    int Sequence,
    DateOnly Date,
    DateOnly Earliest,
    DateOnly Latest,
    decimal Amount,
    string Unit,
    decimal? AmountPerM2,
    ChairTime ChairTime,
    int Course,
    int DayInCourse,
    DoseKind Kind,
    string Label,
    DateOnly? GivenDate)
{
    public int ChairMinutes => ChairTime.TotalMinutes;

    public bool IsGiven => GivenDate is not null;
}
