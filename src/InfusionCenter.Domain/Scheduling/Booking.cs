namespace InfusionCenter.Domain.Scheduling;

/// <summary>
/// An existing, non-cancelled appointment: the half-open interval [<paramref name="Start"/>, <paramref name="End"/>)
/// on one chair, clinic-local wall clock (the <see cref="DateTime.Kind"/> is ignored). Back-to-back bookings do not overlap.
/// </summary>
/// <param name="PatientId">The patient, or null for a block without a patient (maintenance, a hold).</param>
public sealed record Booking(int ChairId, DateTime Start, DateTime End, int? PatientId);
