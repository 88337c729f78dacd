namespace InfusionCenter.Web.Features.Audit;

public sealed record AuditQuery(string? User = null, string? EntityType = null, string? EntityId = null, string? Action = null, DateOnly? From = null, DateOnly? To = null, int Skip = 0, int Take = 50);

public sealed record AuditRow(long Id, DateTime At, string User, string Action, string EntityType, string? EntityId, string? Changes);
