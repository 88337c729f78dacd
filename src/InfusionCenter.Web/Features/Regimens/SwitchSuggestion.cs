using System.Globalization;
using InfusionCenter.Domain.Calendars;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Protocols;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>
/// Switching between two forms of one drug (ocrelizumab IV → Ocrevus Zunovo, natalizumab → Tyruko): the new form's first
/// dose is due when the old regimen's next dose was (DOMAIN.md), which is also what the switch does without a start
/// (<see cref="RegimenService.SwitchStart"/>, Domain <see cref="FormSwitch"/>). The enrol dialog pre-fills that date and says why.
/// </summary>
/// <param name="Start">The old regimen's next dose still to give (its target date, even when that has passed).</param>
/// <param name="LastGiven">The old regimen's last dose given, if any.</param>
/// <param name="Form">How the nurse names the old form: "IV" when the new form is not, otherwise the old brand or protocol.</param>
public sealed record SwitchSuggestion(DateOnly Start, DateOnly? LastGiven, string Form)
{
    /// <summary>The suggestion for switching <paramref name="from"/> to <paramref name="to"/>; null when the drugs differ or nothing is left to give.</summary>
    public static SwitchSuggestion? For(RegimenDto from, ProtocolSummary? fromProtocol, ProtocolSummary? to)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (fromProtocol is null || to is null || !string.Equals(fromProtocol.Drug.Trim(), to.Drug.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // The same rule as the switch itself (Domain FormSwitch), on the doses the dialog shows.
        var next = FormSwitch.DefaultStart(from.Doses.Where(d => d.Status is DoseStatus.Planned or DoseStatus.Booked or DoseStatus.Missed).Select(d => (d.Sequence, d.Date)));
        if (next is not { } start)
        {
            return null;
        }

        var lastGiven = from.Doses.Where(d => d.Status == DoseStatus.Given && d.GivenOn is not null).Max(d => d.GivenOn);
        var form = IsIv(from.ProtocolName) && !IsIv(to.Name) ? "IV" : fromProtocol.BrandName ?? from.ProtocolName;
        return new SwitchSuggestion(start, lastGiven, form);
    }

    /// <summary>
    /// The start field's helper: "Due when the next IV dose was: 24 weeks after the last one (2026-06-01)" while the start is
    /// the suggested date, or "The next IV dose was due 2026-11-30 (…)" once the nurse has chosen another; says when that day has passed.
    /// </summary>
    public string Helper(DateOnly? start, DateOnly today)
    {
        var after = LastGiven is { } last ? $"{Gap(last, Start)} after the last one ({last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : null;
        var text = start == Start
            ? $"Due when the next {Form} dose was{(after is null ? "" : $": {after}")}"
            : $"The next {Form} dose was due {Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(after is null ? "" : $" ({after})")}";
        return start == Start && Start < today ? $"{text}. That day has passed: the first dose is overdue." : text;
    }

    private static bool IsIv(string name) => name.Split(' ', '(', ')').Contains("IV", StringComparer.Ordinal);

    private static string Gap(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        return days % 7 == 0 ? Count(days / 7, "week") : Count(days, "day");
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
