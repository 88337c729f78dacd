namespace InfusionCenter.Domain.Scheduling;

/// <summary>What the clinic offers: active chairs, opening hours per day, nurses on shift per day and the nurse rules.</summary>
public sealed class ClinicSchedule
{
    /// <summary>Active chairs only. Duplicate ids are ignored (the first one wins).</summary>
    public required IReadOnlyList<ChairInfo> Chairs { get; init; }

    /// <summary>Opening hours on a day; null = closed (weekends, holidays, closures). Called at most once per day per search.</summary>
    public required Func<DateOnly, DayHours?> HoursOn { get; init; }

    /// <summary>Nurses on shift on a day; 0 = unknown, no nurse limits that day. Called at most once per open day per search.</summary>
    public required Func<DateOnly, int> NursesOn { get; init; }

    public NurseRules Rules { get; init; } = new();

    /// <summary>Candidate starts are opening + k × granularity (k = 0, 1, ...). Must be 1..720.</summary>
    public int GranularityMinutes { get; init; } = 15;
}
