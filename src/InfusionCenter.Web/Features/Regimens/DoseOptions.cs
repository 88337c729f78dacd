using System.Globalization;
using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>
/// Keeps each dose's administration option (ocrelizumab's standard or shorter infusion) in line with the patient's
/// recorded reactions and the clinic's preference, on a tracked context (the caller saves, in its own transaction):
/// <list type="bullet">
/// <item>a dose still to give gets the clinic's default option (the shortest eligible one, or the protocol's first
/// eligible one) unless a nurse chose an option that is still eligible;</item>
/// <item>a booked dose keeps its option while it is eligible; when a reaction makes it ineligible it gets the default
/// (longer) option and, when its booking is now too short, a reason to re-book it;</item>
/// <item>a given dose keeps the option it was given with.</item>
/// </list>
/// The dose's chair minutes are always its option's chair time (the protocol step's own when it has no eligible option).
/// </summary>
internal static class DoseOptions
{
    /// <summary>The reactions recorded at completion of the patient's doses (every regimen), as the Domain reads them.</summary>
    public static async Task<List<RecordedReaction>> HistoryAsync(InfusionDbContext db, int patientId, CancellationToken cancellationToken) =>
        (await HistoryAsync(db, [patientId], cancellationToken)).GetValueOrDefault(patientId) ?? [];

    /// <summary><see cref="HistoryAsync(InfusionDbContext, int, CancellationToken)"/> for many patients in one query.</summary>
    public static async Task<Dictionary<int, List<RecordedReaction>>> HistoryAsync(InfusionDbContext db, IReadOnlyCollection<int> patientIds, CancellationToken cancellationToken)
    {
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => patientIds.Contains(a.PatientId) && a.Status == AppointmentStatus.Completed && a.DoseId != null
                && a.ReactionSeverity != null && a.ReactionSeverity != ReactionSeverity.None)
            .Select(a => new
            {
                a.PatientId,
                a.StartsAt,
                a.Dose!.GivenOn,
                a.Dose.Sequence,
                Drug = a.Dose.Regimen!.ProtocolVersion!.Protocol!.Drug!.GenericName,
                Severity = a.ReactionSeverity!.Value,
            })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PatientId).ToDictionary(g => g.Key,
            g => g.Select(r => new RecordedReaction(r.GivenOn ?? DateOnly.FromDateTime(r.StartsAt), r.Drug, r.Sequence, ToDomain(r.Severity))).ToList());
    }

    /// <summary>
    /// After the clinic's preference changed: every dose still to give on the clinic's default option gets the new default
    /// (booked doses and nurses' choices keep theirs). Tracked in <paramref name="db"/>, unsaved.
    /// </summary>
    public static async Task ReapplyDefaultsAsync(InfusionDbContext db, bool preferShorter, CancellationToken cancellationToken)
    {
        var regimens = await db.Regimens.Include(r => r.Doses).Include(r => r.ProtocolVersion)
            .Where(r => r.Status == RegimenStatus.Active
                && r.Doses.Any(d => d.OptionCode != null && d.OptionChosenBy == null && (d.Status == DoseStatus.Planned || d.Status == DoseStatus.Missed)))
            .ToListAsync(cancellationToken);
        var histories = await HistoryAsync(db, regimens.Select(r => r.PatientId).Distinct().ToList(), cancellationToken);
        var definitions = new Dictionary<int, ProtocolDefinition>();
        foreach (var regimen in regimens)
        {
            if (!definitions.TryGetValue(regimen.ProtocolVersionId, out var definition))
            {
                definitions[regimen.ProtocolVersionId] = definition = ProtocolJson.Deserialize(regimen.ProtocolVersion!.DefinitionJson);
            }

            Apply(regimen, definition, histories.GetValueOrDefault(regimen.PatientId) ?? [], preferShorter, new Dictionary<int, int>());
        }
    }

    public static InfusionReactionSeverity ToDomain(ReactionSeverity severity) => severity switch
    {
        ReactionSeverity.Mild => InfusionReactionSeverity.Mild,
        ReactionSeverity.Moderate => InfusionReactionSeverity.Moderate,
        ReactionSeverity.Severe => InfusionReactionSeverity.Severe,
        _ => InfusionReactionSeverity.None,
    };

    /// <summary>
    /// Re-evaluates the options of every active regimen of the patient (tracked in <paramref name="db"/>, unsaved), with
    /// <paramref name="pending"/> (a reaction being recorded in the same save) added to the history.
    /// </summary>
    public static async Task ApplyAsync(InfusionDbContext db, int patientId, RecordedReaction? pending, CancellationToken cancellationToken)
    {
        var regimens = await db.Regimens.Include(r => r.Doses).Include(r => r.ProtocolVersion)
            .Where(r => r.PatientId == patientId && r.Status == RegimenStatus.Active)
            .ToListAsync(cancellationToken);
        if (regimens.Count == 0)
        {
            return;
        }

        var history = await HistoryAsync(db, patientId, cancellationToken);
        if (pending is not null && pending.Severity > InfusionReactionSeverity.None)
        {
            history.Add(pending);
        }

        var preferShorter = await db.Clinics.AsNoTracking().OrderBy(c => c.Id).Select(c => (bool?)c.PreferShorterOptions).FirstOrDefaultAsync(cancellationToken) ?? true;
        var doseIds = regimens.SelectMany(r => r.Doses).Where(d => d.Status == DoseStatus.Booked && d.Id > 0).Select(d => d.Id).ToList();
        var booked = doseIds.Count == 0
            ? []
            : (await db.Appointments.AsNoTracking()
                .Where(a => a.DoseId != null && doseIds.Contains(a.DoseId.Value)
                    && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn || a.Status == AppointmentStatus.InChair))
                .Select(a => new { DoseId = a.DoseId!.Value, a.StartsAt, a.EndsAt })
                .ToListAsync(cancellationToken))
                .GroupBy(a => a.DoseId).ToDictionary(g => g.Key, g => (int)g.Max(a => (a.EndsAt - a.StartsAt).TotalMinutes));
        foreach (var regimen in regimens)
        {
            Apply(regimen, ProtocolJson.Deserialize(regimen.ProtocolVersion!.DefinitionJson), history, preferShorter, booked);
        }
    }

    /// <summary>The pure part of <see cref="ApplyAsync"/>: one regimen with its definition, history and booked minutes per dose id.</summary>
    public static void Apply(Regimen regimen, ProtocolDefinition definition, IReadOnlyList<RecordedReaction> history, bool preferShorter,
        IReadOnlyDictionary<int, int> bookedMinutes)
    {
        foreach (var dose in regimen.Doses)
        {
            var options = definition.OptionsForDose(dose.Sequence);
            if (options.Count == 0 || dose.Status == DoseStatus.Cancelled)
            {
                if (options.Count == 0)
                {
                    dose.OptionCode = null;
                    dose.OptionChosenBy = null;
                }

                continue;
            }

            var current = options.FirstOrDefault(o => o.Code == dose.OptionCode);
            if (dose.Status == DoseStatus.Given)
            {
                // History: the way it was given stays, with its chair time.
                dose.ChairMinutes = current?.ChairTime.TotalMinutes ?? dose.ChairMinutes;
                continue;
            }

            var evaluated = AdministrationEligibility.Evaluate(options, definition.Drug, history);
            var currentEligibility = evaluated.FirstOrDefault(e => e.Option.Code == dose.OptionCode);
            var keep = currentEligibility is { Eligible: true } && (dose.Status == DoseStatus.Booked || dose.OptionChosenBy is not null);
            if (keep)
            {
                dose.ChairMinutes = currentEligibility!.Option.ChairTime.TotalMinutes;
                continue;
            }

            var chosen = AdministrationEligibility.DefaultOption(evaluated, Preference(options, preferShorter));
            if (chosen?.Option.Code != dose.OptionCode)
            {
                dose.OptionChosenBy = null;
            }

            dose.OptionCode = chosen?.Option.Code;
            dose.ChairMinutes = chosen?.Option.ChairTime.TotalMinutes ?? StepMinutes(definition, dose.Sequence) ?? dose.ChairMinutes;
            if (dose.Status == DoseStatus.Booked && currentEligibility is { Eligible: false } lost
                && bookedMinutes.TryGetValue(dose.Id, out var minutes) && minutes < dose.ChairMinutes)
            {
                var needs = chosen is null ? "Needs" : $"Needs {ShortName(chosen.Option.Name)},";
                dose.RebookReason = Truncate(string.Create(CultureInfo.InvariantCulture,
                    $"Booked for {Duration(minutes)} as {ShortName(lost.Option.Name)}; {char.ToLowerInvariant(lost.Reason[0])}{lost.Reason[1..]} {needs} {Duration(dose.ChairMinutes)} in the chair: lengthen the booking or move it."));
            }
        }
    }

    /// <summary>The clinic's preference as the Domain takes it: option codes in order of preference (null: protocol order).</summary>
    public static IReadOnlyList<string>? Preference(IReadOnlyList<AdministrationOption> options, bool preferShorter) =>
        preferShorter ? options.OrderBy(o => o.ChairTime.TotalMinutes).Select(o => o.Code).ToList() : null;

    /// <summary>The chair time the protocol gives the dose's step (or maintenance) without an option.</summary>
    public static int? StepMinutes(ProtocolDefinition definition, int sequence)
    {
        if (definition.IsCourseSeries || definition.Steps is null)
        {
            return null;
        }

        return sequence <= definition.Steps.Count ? definition.Steps[sequence - 1].ChairTime.TotalMinutes : definition.Maintenance?.ChairTime.TotalMinutes;
    }

    public static string Duration(int minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => string.Create(CultureInfo.InvariantCulture, $"{m} min"),
        (var h, 0) => string.Create(CultureInfo.InvariantCulture, $"{h} h"),
        (var h, var m) => string.Create(CultureInfo.InvariantCulture, $"{h} h {m} min"),
    };

    /// <summary>An option's name without its explanation ("Shorter (about 2 h) — no prior..." → "Shorter (about 2 h)").</summary>
    public static string ShortName(string name)
    {
        var dash = name.IndexOf(" — ", StringComparison.Ordinal);
        return dash > 0 ? name[..dash] : name;
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..497] + "...";
}
