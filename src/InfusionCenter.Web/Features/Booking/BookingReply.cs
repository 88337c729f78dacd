using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;

namespace InfusionCenter.Web.Features.Booking;

/// <summary>
/// The body of <c>POST /api/appointments</c>'s 201: the first (or only) appointment booked and, for a consecutive-day
/// course, every day of it (null for a single booking); for a dose, the readiness items still missing as <c>warnings</c>.
/// </summary>
public sealed record BookedDto(
    int Id, int ChairId, DateTimeOffset Start, DateTimeOffset End, int PatientId, int? DoseId, int Minutes, AppointmentStatus Status,
    Guid? CourseGroup, IReadOnlyList<BookedCourseDayDto>? CourseAppointments)
{
    /// <summary>Readiness warnings of the dose booked (items the clinic's rules do not block on); null for a free booking.</summary>
    public IReadOnlyList<Readiness.MissingDto>? Warnings { get; init; }
}

/// <summary>One day of a course booked together.</summary>
public sealed record BookedCourseDayDto(int Id, int ChairId, DateTimeOffset Start, DateTimeOffset End, int? DoseId);

/// <summary>What the API answers for a booking: 201 with this Location and body (the same again for a repeated Idempotency-Key).</summary>
public sealed record BookingReply(string Location, BookedDto Body)
{
    public static BookingReply From(IReadOnlyList<AppointmentDto> booked)
    {
        var first = booked[0];
        var days = booked.Count > 1 ? booked.Select(a => new BookedCourseDayDto(a.Id, a.ChairId, a.Start, a.End, a.DoseId)).ToList() : null;
        return new BookingReply($"/api/appointments/{first.Id}",
            new BookedDto(first.Id, first.ChairId, first.Start, first.End, first.PatientId, first.DoseId, first.Minutes, first.Status, first.CourseGroup, days));
    }
}

/// <summary>An Idempotency-Key the same user already used for a different request: 422 (a new booking needs a new key).</summary>
public sealed class IdempotencyKeyReusedException(string detail) : Exception(detail);

/// <summary>The <c>Idempotency-Key</c> header (API.md "Lifecycles"): what a client may send as a key.</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>The column's length (idempotency_records.key).</summary>
    public const int MaxLength = 200;

    /// <summary>A 400 naming the header for a key that is empty, longer than <see cref="MaxLength"/> or holds control characters.</summary>
    public static void EnsureValid(string key)
    {
        var problem = key switch
        {
            _ when string.IsNullOrWhiteSpace(key) => "The Idempotency-Key header is empty; send a unique key (e.g. a UUID) or leave the header out.",
            { Length: > MaxLength } => $"The Idempotency-Key header is at most {MaxLength} characters (this one has {key.Length}).",
            _ when key.Any(char.IsControl) => "The Idempotency-Key header may not contain control characters (such as NUL, tab or line breaks).",
            _ => null,
        };
        if (problem is not null)
        {
            throw RequestValidationException.For(Header, problem);
        }
    }
}
