namespace InfusionCenter.Domain.Scheduling;

/// <summary>An active chair the slot finder may book.</summary>
/// <param name="Id">Chair id (also the deterministic tie-break: lower ids first).</param>
/// <param name="Kind">"recliner", "bed", "privateRoom", ...; compared case-insensitively with <see cref="SlotRequest.RequiredChairKind"/>.</param>
public sealed record ChairInfo(int Id, string Kind);
