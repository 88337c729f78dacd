namespace InfusionCenter.Domain.Scheduling;

/// <summary>Opening hours of one clinic day (clinic-local wall clock). A visit must start and end inside them.</summary>
/// <remarks>A day whose <paramref name="Closes"/> is not after <paramref name="Opens"/> is treated as closed.</remarks>
public sealed record DayHours(TimeOnly Opens, TimeOnly Closes);
