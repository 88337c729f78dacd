using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Booking;

/// <summary>
/// Bookings with an <c>Idempotency-Key</c> header (API.md "Lifecycles"): a client that retries after a timeout gets the
/// first answer back instead of a second appointment (or a 409 against its own booking).
/// </summary>
public sealed partial class AppointmentService
{
    /// <summary>idempotency_records.operation for bookings.</summary>
    public const string BookOperation = "book-appointment";

    /// <summary>How stored answers are written (camelCase, enums in words, as the API writes them).</summary>
    private static readonly JsonSerializerOptions ReplyJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// Books once per key: the first request with <paramref name="key"/> books and stores its answer in the same
    /// transaction; a repeat with the same body gets that answer back; the same key with another body is refused
    /// (<see cref="IdempotencyKeyReusedException"/>). Of concurrent requests with one key, the first to claim the key
    /// books; the others wait on the key's unique index until it commits and then answer as it did.
    /// </summary>
    public async Task<BookingReply> BookOnceAsync(BookAppointmentRequest request, string user, string key, CancellationToken cancellationToken = default)
    {
        IdempotencyKeys.EnsureValid(key);
        await bookValidator.EnsureValidAsync(request, cancellationToken);
        var hash = RequestHash(request);
        if (await StoredReplyAsync(user, key, hash, cancellationToken) is { } stored)
        {
            return stored;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claim the key before reading anything. A concurrent request with this key waits here, on the unique index, until
        // this transaction ends: it never sees this booking half-made (which would be a 409 against its own booking).
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_records (key, "user", operation, request_hash, status_code, response_json, created_at)
            VALUES ({key}, {user}, {BookOperation}, {hash}, 0, CAST({"{}"} AS jsonb), {clock.UtcNow})
            ON CONFLICT ("user", operation, key) DO NOTHING
            """, cancellationToken);
        if (claimed == 0)
        {
            // Another request with this key committed first: nothing of this one was written; answer as that one did.
            await transaction.RollbackAsync(cancellationToken);
            return await StoredReplyAsync(user, key, hash, cancellationToken)
                ?? throw new ConflictException("Another request with this Idempotency-Key was being processed; send it again.");
        }

        var record = await db.IdempotencyRecords.SingleAsync(r => r.User == user && r.Operation == BookOperation && r.Key == key, cancellationToken);
        var (appointments, settings, warnings) = await BookOnAsync(db, request, user, cancellationToken);
        var ids = appointments.Select(a => a.Id).ToList();
        var booked = BookingReply.From(await Project(db, db.Appointments.Where(a => ids.Contains(a.Id)), settings, cancellationToken));
        var reply = booked with { Body = booked.Body with { Warnings = warnings } };
        record.StatusCode = StatusCodes.Status201Created;
        record.Location = reply.Location;
        record.ResponseJson = JsonSerializer.Serialize(reply.Body, ReplyJson);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishBookedAsync(appointments, settings, cancellationToken);
        return reply;
    }

    /// <summary>The stored answer for this user's key, or null when the key is new; another body with the key is refused.</summary>
    private async Task<BookingReply?> StoredReplyAsync(string user, string key, string hash, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.User == user && r.Operation == BookOperation && r.Key == key, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != hash)
        {
            throw new IdempotencyKeyReusedException(
                $"This Idempotency-Key was already used on {record.CreatedAt:yyyy-MM-dd} for another request (a different body). Use a new key for a new booking.");
        }

        logger.LogInformation("Repeated booking request answered from idempotency record {RecordId}", record.Id);
        var body = JsonSerializer.Deserialize<BookedDto>(record.ResponseJson, ReplyJson)
            ?? throw new InvalidOperationException($"Idempotency record {record.Id} holds no answer.");
        return new BookingReply(record.Location!, body);
    }

    /// <summary>SHA-256 of the request as bound (so spacing and property order in the JSON do not make a different request).</summary>
    private static string RequestHash(BookAppointmentRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, ReplyJson)));
}
