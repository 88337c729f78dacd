using InfusionCenter.Domain.Patients;

namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// A named way of giving one dose step or the maintenance doses (ocrelizumab 600 mg: "standard", about 3.5 h, or
/// "shorter", about 2 h), with its own chair time and, optionally, a rule that decides from the patient's recorded
/// history whether a dose may be given this way. <paramref name="Code"/> is a stable slug (stored with the doses that
/// use it); <paramref name="Name"/> is what the nurse reads. The step's (or maintenance rule's) own chair time stays what
/// the calendar plans with until an option is chosen for a dose.
/// </summary>
public sealed record AdministrationOption(string Code, string Name, ChairTime ChairTime, EligibilityRule? Eligibility = null);

/// <summary>
/// Who may have a dose given with an option: a rule code (see <see cref="EligibilityRules"/>) with its parameters.
/// <paramref name="Severity"/> is the parameter of <see cref="EligibilityRules.NoPriorReaction"/>: a reaction of this
/// severity or worse on any previous dose of the same drug makes the option unavailable (default: severe).
/// </summary>
public sealed record EligibilityRule(string Code, InfusionReactionSeverity Severity = InfusionReactionSeverity.Severe);

/// <summary>The eligibility rule codes the Domain knows how to evaluate; a protocol naming another code is invalid.</summary>
public static class EligibilityRules
{
    /// <summary>
    /// "No infusion reaction of the rule's severity or worse recorded on any previous dose of this drug" (ocrelizumab's
    /// shorter infusion: no prior serious infusion reaction).
    /// </summary>
    public const string NoPriorReaction = "no-prior-reaction";

    public static IReadOnlyList<string> Known { get; } = [NoPriorReaction];

    public static bool IsKnown(string? code)
    {
        foreach (var known in Known)
        {
            if (string.Equals(known, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
