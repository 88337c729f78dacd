namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// Dose-series sections: the dose steps (ordered day offsets from day 0) and the maintenance rule (interval, anchor,
/// and its fit with the minimum spacing).
/// </summary>
public static partial class ProtocolRules
{
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

            ValidateOptions(ref errors, new("steps", i, ".options"), step.Options);
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

        ValidateOptions(ref errors, "maintenance.options", maintenance.Options);

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
}
