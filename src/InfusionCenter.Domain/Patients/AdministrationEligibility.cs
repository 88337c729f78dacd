using System.Globalization;
using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Patients;

/// <summary>Whether a dose may be given with <paramref name="Option"/>, and why (or why not) in the nurse's words.</summary>
/// <param name="Blocker">The recorded reaction that makes the option unavailable (null when eligible).</param>
public sealed record OptionEligibility(AdministrationOption Option, bool Eligible, string Reason, RecordedReaction? Blocker = null);

/// <summary>
/// Evaluates the eligibility rules of a dose's administration options from the patient's recorded history (pure: the
/// caller loads the reactions recorded at completion), and picks the option a dose gets by default.
/// </summary>
public static class AdministrationEligibility
{
    /// <summary>
    /// Per option (in protocol order): eligible or not, and why. Only doses of <paramref name="drug"/> (same generic name,
    /// case-insensitive) count, and only those before <paramref name="doseDate"/> when given (a dose's own reaction, or a
    /// later one, does not decide how that dose was to be given).
    /// </summary>
    public static IReadOnlyList<OptionEligibility> Evaluate(
        IReadOnlyList<AdministrationOption> options, Drug drug, IReadOnlyList<RecordedReaction> history, DateOnly? doseDate = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(drug);
        ArgumentNullException.ThrowIfNull(history);
        var result = new OptionEligibility[options.Count];
        for (var i = 0; i < options.Count; i++)
        {
            result[i] = EvaluateOne(options[i], drug, history, doseDate);
        }

        return result;
    }

    /// <summary>
    /// The option a dose gets unless a nurse picks another: the first eligible option in <paramref name="preferredCodes"/>
    /// order (the clinic's preference, e.g. ["shorter"] = "shorter when eligible"), otherwise the first eligible option in
    /// protocol order. Null only when there is no eligible option (no options at all: the step's own chair time applies).
    /// </summary>
    public static OptionEligibility? DefaultOption(IReadOnlyList<OptionEligibility> evaluated, IReadOnlyList<string>? preferredCodes = null)
    {
        ArgumentNullException.ThrowIfNull(evaluated);
        foreach (var code in preferredCodes ?? [])
        {
            foreach (var candidate in evaluated)
            {
                if (candidate.Eligible && string.Equals(candidate.Option.Code, code, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }
        }

        foreach (var candidate in evaluated)
        {
            if (candidate.Eligible)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Shorthand: <see cref="Evaluate"/> then <see cref="DefaultOption"/>.</summary>
    public static OptionEligibility? DefaultOption(
        IReadOnlyList<AdministrationOption> options, Drug drug, IReadOnlyList<RecordedReaction> history, IReadOnlyList<string>? preferredCodes, DateOnly? doseDate = null) =>
        DefaultOption(Evaluate(options, drug, history, doseDate), preferredCodes);

    private static OptionEligibility EvaluateOne(AdministrationOption option, Drug drug, IReadOnlyList<RecordedReaction> history, DateOnly? doseDate)
    {
        if (option.Eligibility is not { } rule)
        {
            return new OptionEligibility(option, true, "Available to every patient.");
        }

        if (!string.Equals(rule.Code, EligibilityRules.NoPriorReaction, StringComparison.Ordinal))
        {
            // Validation refuses unknown rules; a definition that slipped through never makes a dose eligible by accident.
            return new OptionEligibility(option, false, $"Not eligible: the protocol's rule '{rule.Code}' is unknown.");
        }

        RecordedReaction? latest = null;
        var count = 0;
        foreach (var reaction in history)
        {
            if (reaction is null || reaction.Severity < rule.Severity || !SameDrug(reaction.Drug, drug.GenericName)
                || (doseDate is { } before && reaction.Date >= before))
            {
                continue;
            }

            count++;
            if (latest is null || reaction.Date > latest.Date || (reaction.Date == latest.Date && reaction.Sequence > latest.Sequence))
            {
                latest = reaction;
            }
        }

        if (latest is null)
        {
            return new OptionEligibility(option, true, $"Eligible: no {Threshold(rule.Severity)} recorded on a previous {drug.GenericName} dose.");
        }

        var reason = string.Create(CultureInfo.InvariantCulture,
            $"Not eligible: {Word(latest.Severity)} infusion reaction recorded on {latest.Date:yyyy-MM-dd} (dose {latest.Sequence})");
        reason += count switch
        {
            1 => ".",
            2 => " and 1 earlier.",
            _ => string.Create(CultureInfo.InvariantCulture, $" and {count - 1} earlier."),
        };
        return new OptionEligibility(option, false, reason, latest);
    }

    private static bool SameDrug(string? a, string b) =>
        a is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Word(InfusionReactionSeverity severity) => severity switch
    {
        InfusionReactionSeverity.Mild => "mild",
        InfusionReactionSeverity.Moderate => "moderate",
        InfusionReactionSeverity.Severe => "severe",
        _ => "no",
    };

    private static string Threshold(InfusionReactionSeverity severity) => severity switch
    {
        InfusionReactionSeverity.Mild => "infusion reaction",
        InfusionReactionSeverity.Moderate => "moderate or severe infusion reaction",
        _ => "severe infusion reaction",
    };
}
