namespace InfusionCenter.Domain.Scheduling;

/// <summary>The patient's preferred part of the day (a soft preference: see <see cref="SlotScoring.PreferenceMissed"/>).</summary>
public enum TimePreference
{
    None,

    /// <summary>Start before 12:00.</summary>
    Morning,

    /// <summary>Start at or after 12:00.</summary>
    Afternoon,
}
