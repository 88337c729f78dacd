namespace InfusionCenter.Domain.Scheduling;

/// <summary>
/// The outcome of one request of <see cref="SlotFinder.AutoSchedule"/>: the slot booked (and added to the index),
/// or null with the reason it could not be placed.
/// </summary>
/// <param name="RequestIndex">0-based position of the request in the list passed in.</param>
public sealed record AutoBookResult(int RequestIndex, Slot? Slot, string? Reason)
{
    public bool Placed => Slot is not null;
}
