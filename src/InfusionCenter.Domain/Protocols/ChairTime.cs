using System.Text.Json.Serialization;

namespace InfusionCenter.Domain.Protocols;

/// <summary>Chair minutes of one visit: premedication + infusion + post-infusion observation.</summary>
public sealed record ChairTime(int PremedMinutes, int InfusionMinutes, int ObservationMinutes)
{
    /// <summary>A visit must fit in one clinic day.</summary>
    public const int MaxTotalMinutes = 12 * 60;

    /// <summary>Total chair minutes (derived; not part of the JSON shape).</summary>
    [JsonIgnore]
    public int TotalMinutes => PremedMinutes + InfusionMinutes + ObservationMinutes;
}
