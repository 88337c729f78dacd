namespace InfusionCenter.Web.Features.Audit;

/// <summary>One audited change or sign-in: who, when, what entity, and the before/after values (jsonb).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The signed-in user's email, "system" for start-up work, "anonymous" for sign-in attempts.</summary>
    public required string User { get; set; }

    /// <summary>Created, Updated, Deleted, SignIn, SignInFailed.</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    /// <summary>JSON: {"property": {"before": ..., "after": ...}} (or a short note for sign-ins).</summary>
    public string? Changes { get; set; }
}
