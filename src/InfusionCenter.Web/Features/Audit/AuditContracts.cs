namespace InfusionCenter.Web.Features.Audit;

/// <summary>The audit filters; <see cref="From"/> and <see cref="To"/> are clinic-local days (inclusive).</summary>
public sealed record AuditQuery(string? User = null, string? EntityType = null, string? EntityId = null, string? Action = null, DateOnly? From = null, DateOnly? To = null, int Skip = 0, int Take = 50);

/// <summary>
/// One audit row. <see cref="At"/> (UTC), <see cref="EntityType"/>, <see cref="EntityId"/> and <see cref="Changes"/> (the
/// recorded JSON) are the stored facts; the rest says the same in words: the clinic-local time, the entity by name (and its
/// patient, for readers who may see patient names), and each changed field as before → after.
/// </summary>
public sealed record AuditRow(long Id, DateTime At, string User, string Action, string EntityType, string? EntityId, string? Changes)
{
    /// <summary>Clinic-local wall-clock time of <see cref="At"/>.</summary>
    public DateTime LocalAt { get; init; }

    /// <summary>The clinic's IANA time zone <see cref="LocalAt"/> is in.</summary>
    public string TimeZone { get; init; } = "UTC";

    public string ActionLabel { get; init; } = "";

    public string EntityTypeLabel { get; init; } = "";

    /// <summary>The entity in words: "Patient Maria Alvarez (MRN 100234)", "Chair 3", "Protocol Ocrelizumab".</summary>
    public string EntityName { get; init; } = "";

    /// <summary>For rows about a patient's regimen, dose, appointment or check: "Maria Alvarez (MRN 100234)".</summary>
    public string? Patient { get; init; }

    /// <summary>The changed fields in words; <see cref="AuditChange.Before"/> is null for a new row, <see cref="AuditChange.After"/> for a removed one.</summary>
    public IReadOnlyList<AuditChange> ChangeList { get; init; } = [];
}

/// <summary>One field of an audit row in words: "Family name: Alvarez → Alvarez-Ruiz".</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary><c>GET /api/audit</c>: one page of rows, newest first, and how many match in all.</summary>
public sealed record AuditPage(int Total, IReadOnlyList<AuditRow> Items);

/// <summary>An entity type present in the audit trail (the filter's choices): stored name and words.</summary>
public sealed record AuditEntityType(string Type, string Label);
