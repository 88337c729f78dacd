namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// Checks shared by the sections (interval, amount, chair time, window, rounding) and the allocation-free error
/// collection: a field path built only when an error is reported.
/// </summary>
public static partial class ProtocolRules
{
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
            errors.Add(path.With(".premedMinutes"), "the premedication time must not be negative");
        }

        if (chairTime.InfusionMinutes <= 0)
        {
            errors.Add(path.With(".infusionMinutes"), "the infusion time must be at least 1 minute");
        }

        if (chairTime.ObservationMinutes < 0)
        {
            errors.Add(path.With(".observationMinutes"), "the observation time must not be negative");
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

    /// <summary>
    /// A field path built only when an error is reported (validation of a valid protocol allocates nothing):
    /// <c>Root[Index]Member[SubIndex]SubMember Leaf</c>, e.g. <c>steps[1].options[0].chairTime.premedMinutes</c>.
    /// </summary>
    private readonly record struct FieldPath(string Root, int Index = -1, string Member = "", string Leaf = "", int SubIndex = -1, string SubMember = "")
    {
        public static implicit operator FieldPath(string root) => new(root);

        public FieldPath With(string leaf) => this with { Leaf = leaf };

        /// <summary>Item <paramref name="index"/> of the list this path names, then <paramref name="member"/> of it.</summary>
        public FieldPath Item(int index, string member = "") =>
            Index < 0 ? this with { Index = index, Member = Member + member } : this with { SubIndex = index, SubMember = member };

        public override string ToString()
        {
            var path = Index < 0 ? Root + Member : $"{Root}[{Index}]{Member}";
            if (SubIndex >= 0)
            {
                path = $"{path}[{SubIndex}]{SubMember}";
            }

            return path + Leaf;
        }
    }

    /// <summary>Lazily allocated error list: no allocation when everything is valid.</summary>
    private struct Errors
    {
        private List<ValidationError>? _list;

        public readonly IReadOnlyList<ValidationError> Result => _list is null ? Array.Empty<ValidationError>() : _list;

        public void Add(FieldPath field, string message) => (_list ??= []).Add(new ValidationError(field.ToString(), message));
    }
}
