namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// Pure validation of a <see cref="ProtocolDefinition"/>. Returns every error with a camelCase JSON
/// path; allocates nothing when the protocol is valid (the calendar engine re-checks on every call).
/// </summary>
public static class ProtocolRules
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

    private static void ValidateSteps(ref Errors errors, IReadOnlyList<DoseStep> steps)
    {
        var previousOffset = int.MinValue;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step is null)
            {
                errors.Add(new("steps", i), "a step is required");
                continue;
            }

            if (i == 0 && step.DayOffset != 0)
            {
                errors.Add(new("steps", i, ".dayOffset"), "the first step must have dayOffset 0 (it falls on the start date)");
            }
            else if (i > 0 && step.DayOffset <= previousOffset)
            {
                errors.Add(new("steps", i, ".dayOffset"), "steps must be ordered by strictly increasing dayOffset");
            }
            else if (step.DayOffset > MaxIntervalDays)
            {
                errors.Add(new("steps", i, ".dayOffset"), $"dayOffset must be at most {MaxIntervalDays}");
            }

            previousOffset = step.DayOffset;
            ValidateAmount(ref errors, new("steps", i, ".amount"), step.Amount);
            ValidateChairTime(ref errors, new("steps", i, ".chairTime"), step.ChairTime);
            ValidateWindow(ref errors, new("steps", i, ".window"), step.Window, required: false);
            if (string.IsNullOrWhiteSpace(step.Label))
            {
                errors.Add(new("steps", i, ".label"), "label is required");
            }
        }
    }

    private static void ValidateMaintenance(ref Errors errors, MaintenanceRule maintenance, IReadOnlyList<DoseStep> steps, MinimumSpacing? spacing)
    {
        if (maintenance.Interval is null)
        {
            errors.Add("maintenance.interval", "maintenance.interval is required");
        }
        else
        {
            ValidateInterval(ref errors, "maintenance.interval", maintenance.Interval);
        }

        if (!Enum.IsDefined(maintenance.Anchor))
        {
            errors.Add("maintenance.anchor", "unknown maintenance anchor");
        }

        ValidateAmount(ref errors, "maintenance.amount", maintenance.Amount);
        ValidateChairTime(ref errors, "maintenance.chairTime", maintenance.ChairTime);
        ValidateWindow(ref errors, "maintenance.window", maintenance.Window, required: false);
        if (maintenance.RepeatCount is < 1)
        {
            errors.Add("maintenance.repeatCount", "repeatCount must be at least 1 when set (null = indefinitely)");
        }

        if (string.IsNullOrWhiteSpace(maintenance.Label))
        {
            errors.Add("maintenance.label", "label is required");
        }

        if (maintenance.Interval is not { Value: > 0 } interval || spacing?.Interval is not { Value: > 0 } minimum)
        {
            return;
        }

        if (interval.IsCertainlyShorterThan(minimum))
        {
            errors.Add("minSpacing", $"minSpacing ({minimum}) must not exceed the maintenance interval ({interval})");
        }

        // The first maintenance dose must not always violate the spacing from the initial doses.
        if (maintenance.Anchor == MaintenanceAnchor.FirstDose && steps.Count > 0 && steps[^1] is { } last
            && spacing.From == SpacingReference.PreviousPeriodEnd && interval.MaxDays - last.DayOffset < minimum.MinDays)
        {
            errors.Add("minSpacing", $"the first maintenance dose ({interval} after the first dose) would always be closer than minSpacing ({minimum}) to the last initial dose");
        }
    }

    private static void ValidateCourses(ref Errors errors, CourseRule courses, MinimumSpacing? spacing)
    {
        if (courses.FirstCourseDays is < 1 or > MaxCourseDays)
        {
            errors.Add("courses.firstCourseDays", $"firstCourseDays must be between 1 and {MaxCourseDays}");
        }

        if (courses.SubsequentCourseDays is < 1 or > MaxCourseDays)
        {
            errors.Add("courses.subsequentCourseDays", $"subsequentCourseDays must be between 1 and {MaxCourseDays} when set");
        }

        if (courses.MinDays is null != courses.MaxDays is null)
        {
            errors.Add("courses.minDays", "minDays and maxDays must be set together (or both null for a fixed length)");
        }
        else if (courses.MinDays is { } min && courses.MaxDays is { } max)
        {
            if (min < 1 || max > MaxCourseDays)
            {
                errors.Add("courses.minDays", $"the course length range must lie between 1 and {MaxCourseDays} days");
            }

            if (!(min <= courses.FirstCourseDays && courses.FirstCourseDays <= max))
            {
                errors.Add("courses.firstCourseDays", "the course length range must satisfy minDays ≤ firstCourseDays (the default) ≤ maxDays");
            }
        }

        if (courses.PlannedCourses < 1 || courses.PlannedCourses > MaxCourses)
        {
            errors.Add("courses.plannedCourses", $"plannedCourses must be between 1 and {MaxCourses}");
        }

        if (courses.MaxCourses is { } maxCourses && (maxCourses < courses.PlannedCourses || maxCourses > MaxCourses))
        {
            errors.Add("courses.maxCourses", $"maxCourses must be between plannedCourses and {MaxCourses} when set");
        }

        var mayHaveSeveralCourses = courses.PlannedCourses > 1 || courses.MaxCourses is null or > 1;
        if (courses.Gap is null)
        {
            if (mayHaveSeveralCourses)
            {
                errors.Add("courses.gap", "a gap between courses is required when more than one course is allowed (set maxCourses to 1 otherwise)");
            }
        }
        else
        {
            ValidateInterval(ref errors, "courses.gap", courses.Gap);
            var longest = Math.Max(courses.MaxDays ?? courses.FirstCourseDays, courses.SubsequentCourseDays ?? 0);
            if (courses.Gap.Value > 0 && courses.Gap.MinDays < longest && courses.GapAnchor == CourseGapAnchor.PreviousCourseStart)
            {
                errors.Add("courses.gap", "the gap must be longer than a course (courses must not overlap)");
            }

            if (spacing?.Interval is { Value: > 0 } minimum && courses.Gap.Value > 0 && courses.Gap.IsCertainlyShorterThan(minimum)
                && spacing.From == SpacingReference.PreviousPeriodStart && courses.GapAnchor == CourseGapAnchor.PreviousCourseStart)
            {
                errors.Add("minSpacing", $"minSpacing ({minimum}) must not exceed the gap between courses ({courses.Gap})");
            }
        }

        if (!Enum.IsDefined(courses.GapAnchor))
        {
            errors.Add("courses.gapAnchor", "unknown gap anchor");
        }

        if (courses.OnOrderGapAnchor is { } onOrder && !Enum.IsDefined(onOrder))
        {
            errors.Add("courses.onOrderGapAnchor", "unknown gap anchor");
        }

        ValidateAmount(ref errors, "courses.dailyAmount", courses.DailyAmount);
        var chairTimes = courses.DayChairTimes;
        if (chairTimes is null || chairTimes.Count == 0)
        {
            errors.Add("courses.dayChairTimes", "at least one chair time (fromDay 1) is required");
        }
        else
        {
            for (var i = 0; i < chairTimes.Count; i++)
            {
                const string root = "courses.dayChairTimes";
                if (chairTimes[i] is not { } entry)
                {
                    errors.Add(new(root, i), "an entry is required");
                    continue;
                }

                if (i == 0 && entry.FromDay != 1)
                {
                    errors.Add(new(root, i, ".fromDay"), "the first chair time must start on day 1");
                }
                else if (i > 0 && (chairTimes[i - 1] is not { } previous || entry.FromDay <= previous.FromDay))
                {
                    errors.Add(new(root, i, ".fromDay"), "fromDay must be strictly increasing");
                }
                else if (entry.FromDay > MaxCourseDays)
                {
                    errors.Add(new(root, i, ".fromDay"), $"fromDay must be at most {MaxCourseDays}");
                }

                ValidateChairTime(ref errors, new(root, i, ".chairTime"), entry.ChairTime);
            }
        }

        ValidateWindow(ref errors, "courses.firstDayWindow", courses.FirstDayWindow, required: false);
        ValidateWindow(ref errors, "courses.subsequentDayWindow", courses.SubsequentDayWindow, required: true);
        if (string.IsNullOrWhiteSpace(courses.Label))
        {
            errors.Add("courses.label", "label is required");
        }
    }

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

    private static void ValidateInterval(ref Errors errors, FieldPath path, Interval interval)
    {
        if (!Enum.IsDefined(interval.Unit))
        {
            errors.Add(path.With(".unit"), "unknown interval unit");
            return;
        }

        var max = interval.Unit switch
        {
            IntervalUnit.Days => MaxIntervalDays,
            IntervalUnit.Weeks => MaxIntervalWeeks,
            _ => MaxIntervalMonths,
        };
        if (interval.Value < 1 || interval.Value > max)
        {
            errors.Add(path.With(".value"), $"the interval must be between 1 and {max} {interval.Unit.ToString().ToLowerInvariant()}");
        }
    }

    private static void ValidateAmount(ref Errors errors, FieldPath path, DoseAmount? amount)
    {
        if (amount is null)
        {
            errors.Add(path, "an amount is required");
            return;
        }

        if (amount.Value <= 0)
        {
            errors.Add(path.With(".value"), "the amount must be greater than 0");
        }

        if (!Enum.IsDefined(amount.Basis))
        {
            errors.Add(path.With(".basis"), "unknown dose basis");
        }

        if (string.IsNullOrWhiteSpace(amount.Unit))
        {
            errors.Add(path.With(".unit"), "unit is required");
        }
    }

    private static void ValidateChairTime(ref Errors errors, FieldPath path, ChairTime? chairTime)
    {
        if (chairTime is null)
        {
            errors.Add(path, "a chair time is required");
            return;
        }

        if (chairTime.PremedMinutes < 0)
        {
            errors.Add(path.With(".premedMinutes"), "premedMinutes must not be negative");
        }

        if (chairTime.InfusionMinutes <= 0)
        {
            errors.Add(path.With(".infusionMinutes"), "infusionMinutes must be greater than 0");
        }

        if (chairTime.ObservationMinutes < 0)
        {
            errors.Add(path.With(".observationMinutes"), "observationMinutes must not be negative");
        }

        if (chairTime.PremedMinutes >= 0 && chairTime.InfusionMinutes > 0 && chairTime.ObservationMinutes >= 0
            && (long)chairTime.PremedMinutes + chairTime.InfusionMinutes + chairTime.ObservationMinutes > ChairTime.MaxTotalMinutes)
        {
            errors.Add(path, $"the chair time must fit in a clinic day (at most {ChairTime.MaxTotalMinutes} minutes in total)");
        }
    }

    private static void ValidateWindow(ref Errors errors, FieldPath path, DoseWindow? window, bool required)
    {
        if (window is null)
        {
            if (required)
            {
                errors.Add(path, "a window is required");
            }

            return;
        }

        if (window.DaysBefore < 0 || window.DaysAfter < 0)
        {
            errors.Add(path, "the window must contain the target date (daysBefore ≥ 0 and daysAfter ≥ 0)");
        }

        if (window.DaysBefore > DoseWindow.MaxDays || window.DaysAfter > DoseWindow.MaxDays)
        {
            errors.Add(path, $"a window may extend at most {DoseWindow.MaxDays} days on either side");
        }
    }

    private static void ValidateRounding(ref Errors errors, DoseRounding? rounding)
    {
        if (rounding is null)
        {
            errors.Add("rounding", "rounding is required");
            return;
        }

        if (rounding.Increment <= 0 || rounding.Increment > 100)
        {
            errors.Add("rounding.increment", "the rounding increment must be greater than 0 and at most 100 mg");
        }

        if (!Enum.IsDefined(rounding.Mode))
        {
            errors.Add("rounding.mode", "unknown rounding mode");
        }
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

    /// <summary>A field path built only when an error is reported (validation of a valid protocol allocates nothing).</summary>
    private readonly record struct FieldPath(string Root, int Index = -1, string Member = "", string Leaf = "")
    {
        public static implicit operator FieldPath(string root) => new(root);

        public FieldPath With(string leaf) => this with { Leaf = leaf };

        public override string ToString() => Index < 0 ? Root + Member + Leaf : $"{Root}[{Index}]{Member}{Leaf}";
    }

    /// <summary>Lazily allocated error list: no allocation when everything is valid.</summary>
    private struct Errors
    {
        private List<ValidationError>? _list;

        public readonly IReadOnlyList<ValidationError> Result => _list is null ? Array.Empty<ValidationError>() : _list;

        public void Add(FieldPath field, string message) => (_list ??= []).Add(new ValidationError(field.ToString(), message));
    }
}
