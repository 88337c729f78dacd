namespace InfusionCenter.Web.Data;

/// <summary>
/// A write made with an <c>Idempotency-Key</c> header (API.md "Lifecycles"): stored in the same transaction as the write,
/// so a client that retries after a timeout gets the first answer back instead of a second booking.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }

    /// <summary>The client's key (unique per user and operation).</summary>
    public required string Key { get; set; }

    public required string User { get; set; }

    /// <summary>Which operation the key was used for, e.g. "book-appointment".</summary>
    public required string Operation { get; set; }

    /// <summary>SHA-256 of the request body: the same key with another body is refused (422).</summary>
    public required string RequestHash { get; set; }

    public int StatusCode { get; set; }

    public string? Location { get; set; }

    public required string ResponseJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
