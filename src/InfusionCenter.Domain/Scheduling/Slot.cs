namespace InfusionCenter.Domain.Scheduling;

/// <summary>
/// A bookable slot. <paramref name="ChairId"/>, <paramref name="Start"/> and <paramref name="End"/> are those of the first
/// (or only) day; <paramref name="Days"/> has one entry per course day (a single entry for a single dose).
/// </summary>
/// <param name="Score">Cost of the slot (see <see cref="SlotScoring"/>): 0 is ideal, lower is better.</param>
public sealed record Slot(int ChairId, DateTime Start, DateTime End, double Score, IReadOnlyList<SlotDay> Days);

/// <summary>One day of a <see cref="Slot"/>: the chair and the half-open interval [Start, End).</summary>
public sealed record SlotDay(int ChairId, DateTime Start, DateTime End);
