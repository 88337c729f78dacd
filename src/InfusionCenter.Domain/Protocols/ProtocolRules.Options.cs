using InfusionCenter.Domain.Patients;

namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// The administration options of a dose step or of the maintenance rule: unique slug codes, a name, a valid chair time,
/// a known eligibility rule, and at least one option without a rule (every patient can always be given the dose).
/// </summary>
public static partial class ProtocolRules
{
    private static void ValidateOptions(ref Errors errors, FieldPath path, IReadOnlyList<AdministrationOption>? options)
    {
        if (options is null)
        {
            errors.Add(path, "options must be a list (may be empty)");
            return;
        }

        var hasUnconditional = false;
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i] is not { } option)
            {
                errors.Add(path.Item(i), "an option is required");
                continue;
            }

            if (string.IsNullOrWhiteSpace(option.Code))
            {
                errors.Add(path.Item(i, ".code"), "the option needs a code: lowercase letters, digits or '-' (e.g. shorter)");
            }
            else if (!IsSlug(option.Code))
            {
                errors.Add(path.Item(i, ".code"), $"the option's code must be 1–{MaxCodeLength} lowercase letters, digits or '-', starting with a letter (e.g. shorter)");
            }
            else
            {
                for (var j = 0; j < i; j++)
                {
                    if (options[j] is { } other && string.Equals(other.Code, option.Code, StringComparison.Ordinal))
                    {
                        errors.Add(path.Item(i, ".code"), $"duplicate option code '{option.Code}': each way of giving the dose needs its own code");
                        break;
                    }
                }
            }

            if (string.IsNullOrWhiteSpace(option.Name))
            {
                errors.Add(path.Item(i, ".name"), "the option needs a name: what the nurse reads (e.g. Shorter infusion, about 2 h)");
            }

            ValidateChairTime(ref errors, path.Item(i, ".chairTime"), option.ChairTime);

            if (option.Eligibility is not { } rule)
            {
                hasUnconditional = true;
            }
            else if (!EligibilityRules.IsKnown(rule.Code))
            {
                errors.Add(path.Item(i, ".eligibility.code"), $"unknown eligibility rule '{rule.Code}' (known: {string.Join(", ", EligibilityRules.Known)})");
            }
            else if (!Enum.IsDefined(rule.Severity) || rule.Severity == InfusionReactionSeverity.None)
            {
                errors.Add(path.Item(i, ".eligibility.severity"), "choose mild, moderate or severe: the least severe prior reaction that rules the option out");
            }
        }

        if (options.Count > 0 && !hasUnconditional)
        {
            errors.Add(path, "at least one option must have no eligibility rule (be for every patient), so that every patient can be given the dose");
        }
    }
}
