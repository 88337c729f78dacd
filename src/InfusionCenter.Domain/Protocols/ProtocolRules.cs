namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// Pure validation of a <see cref="ProtocolDefinition"/>. Returns every error with a camelCase JSON
/// path; allocates nothing when the protocol is valid (the calendar engine re-checks on every call).
/// <para>This file: the limits and <see cref="Validate"/>, which checks the protocol's own fields and calls the section
/// checks: ProtocolRules.DoseSeries.cs (steps, maintenance), ProtocolRules.Options.cs (their administration options), ProtocolRules.Courses.cs, ProtocolRules.SafetyGates.cs, and
/// the shared field checks and error collection in ProtocolRules.Fields.cs.</para>
/// </summary>
public static partial class ProtocolRules
{
    public const int MaxCodeLength = 64;
    public const int MaxCourseDays = 31;
    public const int MaxIntervalDays = 3650;
    public const int MaxIntervalWeeks = 520;
    public const int MaxIntervalMonths = 120;
    public const int MaxCourses = 100;

    public static IReadOnlyList<ValidationError> Validate(ProtocolDefinition protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var errors = new Errors();

        if (string.IsNullOrWhiteSpace(protocol.Code))
        {
            errors.Add("code", "code is required");
        }
        else if (!IsSlug(protocol.Code))
        {
            errors.Add("code", $"code must be 1–{MaxCodeLength} lowercase letters, digits or '-' (starting with a letter)");
        }

        if (string.IsNullOrWhiteSpace(protocol.Name))
        {
            errors.Add("name", "name is required");
        }

        if (protocol.Drug is null || string.IsNullOrWhiteSpace(protocol.Drug.GenericName))
        {
            errors.Add("drug.genericName", "the drug's generic name is required");
        }

        if (protocol.RequiredChairKind is { } kind && string.IsNullOrWhiteSpace(kind))
        {
            errors.Add("requiredChairKind", "requiredChairKind must be null or a chair kind");
        }

        ValidateWindow(ref errors, "window", protocol.Window, required: true);
        ValidateRounding(ref errors, protocol.Rounding);

        var steps = protocol.Steps ?? [];
        var hasSteps = steps.Count > 0;
        var hasCourses = protocol.Courses is not null;
        if (hasSteps && hasCourses)
        {
            errors.Add("courses", "a protocol has either dose steps (with optional maintenance) or courses, not both");
        }
        else if (!hasSteps && !hasCourses)
        {
            errors.Add("steps", "at least one dose step (or a course rule) is required");
        }

        if (hasCourses && protocol.Maintenance is not null)
        {
            errors.Add("maintenance", "maintenance applies to dose series only, not to course series");
        }

        ValidateSteps(ref errors, steps);

        if (protocol.Maintenance is { } maintenance)
        {
            ValidateMaintenance(ref errors, maintenance, steps, protocol.MinSpacing);
        }

        if (protocol.Courses is { } courses)
        {
            ValidateCourses(ref errors, courses, protocol.MinSpacing);
        }

        if (protocol.MinSpacing is { } spacing)
        {
            if (spacing.Interval is null)
            {
                errors.Add("minSpacing.interval", "minSpacing.interval is required");
            }
            else
            {
                ValidateInterval(ref errors, "minSpacing.interval", spacing.Interval);
            }

            if (!Enum.IsDefined(spacing.From))
            {
                errors.Add("minSpacing.from", "unknown spacing reference");
            }
        }

        if (protocol.CumulativeCapMgPerM2 is { } cap)
        {
            if (cap <= 0)
            {
                errors.Add("cumulativeCapMgPerM2", "cumulativeCapMgPerM2 must be greater than 0 when set");
            }
            else if (!protocol.IsBsaDosed)
            {
                errors.Add("cumulativeCapMgPerM2", "a cumulative cap in mg/m² requires BSA-dosed amounts");
            }
        }

        ValidateGates(ref errors, protocol.SafetyGates);

        return errors.Result;
    }

    private static bool IsSlug(string code)
    {
        if (code.Length > MaxCodeLength || code[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in code)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
