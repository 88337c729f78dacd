namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// The safety-gates section: unique codes, a description, a known timing, and the interval, course-day limit or
/// monitoring duration each timing allows.
/// </summary>
public static partial class ProtocolRules
{
    private static void ValidateGates(ref Errors errors, IReadOnlyList<SafetyGate>? gates)
    {
        if (gates is null)
        {
            errors.Add("safetyGates", "safetyGates must be a list (may be empty)");
            return;
        }

        for (var i = 0; i < gates.Count; i++)
        {
            if (gates[i] is not { } gate)
            {
                errors.Add(new("safetyGates", i), "a gate is required");
                continue;
            }

            if (string.IsNullOrWhiteSpace(gate.Code))
            {
                errors.Add(new("safetyGates", i, ".code"), "code is required");
            }
            else
            {
                for (var j = 0; j < i; j++)
                {
                    if (gates[j] is { } other && string.Equals(other.Code, gate.Code, StringComparison.Ordinal))
                    {
                        errors.Add(new("safetyGates", i, ".code"), $"duplicate gate code '{gate.Code}'");
                        break;
                    }
                }
            }

            if (string.IsNullOrWhiteSpace(gate.Description))
            {
                errors.Add(new("safetyGates", i, ".description"), "description is required");
            }

            if (!Enum.IsDefined(gate.Timing))
            {
                errors.Add(new("safetyGates", i, ".timing"), "unknown timing");
            }

            var needsEvery = gate.Timing is GateTiming.Periodic or GateTiming.AfterTreatment;
            if (needsEvery && gate.Every is null)
            {
                errors.Add(new("safetyGates", i, ".every"), "periodic and after-treatment gates need an interval");
            }
            else if (gate.Every is { } every)
            {
                ValidateInterval(ref errors, new("safetyGates", i, ".every"), every);
            }

            if (gate.UpToCourseDay is { } lastDay)
            {
                if (gate.Timing != GateTiming.BeforeEachDose)
                {
                    errors.Add(new("safetyGates", i, ".upToCourseDay"), "only before-each-dose gates can be limited to the first course days");
                }
                else if (lastDay < 1 || lastDay > MaxCourseDays)
                {
                    errors.Add(new("safetyGates", i, ".upToCourseDay"), $"the last course day must be between 1 and {MaxCourseDays}");
                }
            }

            if (gate.For is { } duration)
            {
                if (gate.Timing != GateTiming.AfterTreatment)
                {
                    errors.Add(new("safetyGates", i, ".for"), "only after-treatment gates have a monitoring duration");
                }
                else
                {
                    ValidateInterval(ref errors, new("safetyGates", i, ".for"), duration);
                }
            }
        }
    }
}
