using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Calendar = Ical.Net.Calendar;

namespace InfusionCenter.Web.Features.Messages;

/// <summary>
/// What a calendar file says about one appointment — nothing clinical: the clinic, the day and time, the place and the
/// patient's first name (no drug, diagnosis or record number). Instants are UTC; the file shows them in <see cref="TimeZoneId"/>.
/// </summary>
public sealed record CalendarAppointment(
    int AppointmentId, string ClinicName, string TimeZoneId, DateTime StartsAtUtc, DateTime EndsAtUtc, int Sequence, bool Cancelled,
    string? PatientFirstName, DateTime StampUtc);

/// <summary>
/// An appointment as an iCalendar (RFC 5545) file through Ical.Net: one VEVENT with the clinic's VTIMEZONE, a UID that
/// stays the same for the life of the appointment and the appointment's SEQUENCE, so a calendar replaces its copy on a
/// move and removes it on a cancellation (METHOD:CANCEL, STATUS:CANCELLED).
/// </summary>
public static class CalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The appointment's UID: stable across moves, unique per appointment and per installation's host name.</summary>
    public static string Uid(int appointmentId, string host) =>
        string.Create(CultureInfo.InvariantCulture, $"appointment-{appointmentId}@{host}");

    public static string Write(CalendarAppointment appointment, string host)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(appointment.TimeZoneId);
        var calendar = new Calendar
        {
            ProductId = "-//InfusionCenter//Appointments//EN",
            Method = appointment.Cancelled ? CalendarMethods.Cancel : CalendarMethods.Publish,
        };
        calendar.AddTimeZone(appointment.TimeZoneId);
        var start = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(appointment.StartsAtUtc, DateTimeKind.Utc), zone);
        var end = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(appointment.EndsAtUtc, DateTimeKind.Utc), zone);
        var greeting = string.IsNullOrWhiteSpace(appointment.PatientFirstName) ? "" : $"{appointment.PatientFirstName.Trim()}, ";
        calendar.Events.Add(new CalendarEvent
        {
            Uid = Uid(appointment.AppointmentId, host),
            Sequence = appointment.Sequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(appointment.StampUtc, DateTimeKind.Utc), "UTC"),
            DtStart = new CalDateTime(DateTime.SpecifyKind(start, DateTimeKind.Unspecified), appointment.TimeZoneId),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(end, DateTimeKind.Unspecified), appointment.TimeZoneId),
            Summary = $"Appointment at {appointment.ClinicName}",
            Location = appointment.ClinicName,
            Description = appointment.Cancelled
                ? $"{greeting}this appointment at {appointment.ClinicName} is cancelled."
                : string.Create(CultureInfo.InvariantCulture,
                    $"{greeting}your appointment at {appointment.ClinicName} is on {start:dddd d MMMM yyyy} from {start:HH:mm} to {end:HH:mm}. Please arrive a few minutes early; call the clinic if you cannot come."),
            Status = appointment.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Transparency = TransparencyType.Opaque,
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The calendar file could not be written.");
    }
}
