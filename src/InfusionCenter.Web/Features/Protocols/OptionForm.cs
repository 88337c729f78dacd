using System.Text;
using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Web.Features.Protocols;

/// <summary>
/// One administration option as the protocol editor edits it (a mutable copy of <see cref="AdministrationOption"/>).
/// The eligibility rule is a tick box plus a severity: ticked means "only for patients with no prior infusion reaction
/// of at least <see cref="Severity"/> on this drug". A rule code this release does not offer in the editor is kept as
/// it was read, so loading and saving never changes a protocol.
/// </summary>
public sealed class OptionForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public ChairTimeForm ChairTime { get; set; } = new();
    public bool HasRule { get; set; }
    public string RuleCode { get; set; } = EligibilityRules.NoPriorReaction;
    public InfusionReactionSeverity Severity { get; set; } = InfusionReactionSeverity.Severe;

    /// <summary>
    /// An option added in the editor takes its code from its name until the admin types a code (codes are stored with the
    /// doses given with the option, so a loaded option's code never changes by itself).
    /// </summary>
    public bool CodeFollowsName { get; set; }

    public static OptionForm From(AdministrationOption o) => new()
    {
        Code = o.Code,
        Name = o.Name,
        ChairTime = ChairTimeForm.From(o.ChairTime),
        HasRule = o.Eligibility is not null,
        RuleCode = o.Eligibility?.Code ?? EligibilityRules.NoPriorReaction,
        Severity = o.Eligibility?.Severity ?? InfusionReactionSeverity.Severe,
    };

    public AdministrationOption ToOption() =>
        new(Code.Trim(), Name.Trim(), ChairTime.ToChairTime(), HasRule ? new EligibilityRule(RuleCode, Severity) : null);

    /// <summary>
    /// A new option for a dose whose own chair time is <paramref name="doseChairTime"/>: the first one is the dose as it
    /// is given today ("Standard", same chair time); a later one starts with that chair time and no name.
    /// </summary>
    public static OptionForm New(IReadOnlyCollection<OptionForm> existing, ChairTimeForm doseChairTime)
    {
        var chair = new ChairTimeForm { Premed = doseChairTime.Premed, Infusion = doseChairTime.Infusion, Observation = doseChairTime.Observation };
        return existing.Count == 0
            ? new OptionForm { Code = "standard", Name = "Standard", ChairTime = chair }
            : new OptionForm { ChairTime = chair, CodeFollowsName = true };
    }

    /// <summary>"Shorter infusion (about 2 h)" -> "shorter-infusion-about-2-h": lowercase letters, digits and '-', starting with a letter.</summary>
    public static string CodeFromName(string name)
    {
        var code = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (code.Length > 0 || c is >= 'a' and <= 'z')
                {
                    code.Append(c);
                }
            }
            else if (code.Length > 0 && code[^1] != '-')
            {
                code.Append('-');
            }
        }

        var slug = code.ToString();
        if (slug.Length > ProtocolRules.MaxCodeLength)
        {
            slug = slug[..ProtocolRules.MaxCodeLength];
        }

        return slug.TrimEnd('-');
    }
}
