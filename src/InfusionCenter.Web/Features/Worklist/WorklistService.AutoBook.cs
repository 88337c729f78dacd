using InfusionCenter.Web.Infrastructure;
using InfusionCenter.Web.Features.Booking;

namespace InfusionCenter.Web.Features.Worklist;

/// <summary>Auto-booking the due list.</summary>
public sealed partial class WorklistService
{
    /// <summary>
    /// "Auto-book the due list": places every due dose (overdue first, as listed) in its best slot, one
    /// after the other so that each booking sees the ones before it. Doses with no slot inside their
    /// window are reported, not forced.
    /// </summary>
    public async Task<(int Booked, IReadOnlyList<string> NotBooked)> AutoBookAsync(int weeks, AppointmentService appointments, string? user, CancellationToken cancellationToken = default)
    {
        var booked = 0;
        var notBooked = new List<string>();
        foreach (var dose in await DueAsync(weeks, cancellationToken))
        {
            var slot = (await SlotsAsync(dose.DoseId, null, null, null, 1, cancellationToken)).FirstOrDefault();
            if (slot is null)
            {
                var why = await WhyNoSlotAsync(dose.DoseId, cancellationToken) ?? $"no free slot between {dose.Earliest:yyyy-MM-dd} and {dose.Latest:yyyy-MM-dd}";
                notBooked.Add($"{dose.PatientName}, {dose.ProtocolName} dose {dose.Sequence}: {why}");
                continue;
            }

            try
            {
                await appointments.BookAsync(new BookAppointmentRequest
                {
                    PatientId = dose.PatientId,
                    ChairId = slot.ChairId,
                    DoseId = dose.DoseId,
                    Start = slot.Start.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                }, user, cancellationToken);
                booked++;
            }
            catch (Exception e) when (e is ConflictException or RequestValidationException)
            {
                notBooked.Add($"{dose.PatientName}, {dose.ProtocolName} dose {dose.Sequence}: {e.Message}");
            }
        }

        return (booked, notBooked);
    }
}
