using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;

namespace InfusionCenter.Web.Features.Audit;

public static class AuditEndpoints
{
    /// <summary><c>GET /api/audit?user&amp;entityType&amp;entityId&amp;action&amp;from&amp;to&amp;skip&amp;take</c> (Admin, Manager).</summary>
    public static void MapAudit(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", async (string? user, string? entityType, string? entityId, string? action, string? from, string? to, string? skip, string? take, AuditLog audit, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var query = new AuditQuery(user, entityType, entityId, action,
                QueryParsing.Date(from, "from", errors), QueryParsing.Date(to, "to", errors),
                QueryParsing.Int(skip, "skip", errors) ?? 0, QueryParsing.Int(take, "take", errors) ?? 50);
            if (errors.Count > 0)
            {
                throw new RequestValidationException(errors);
            }

            var (rows, total) = await audit.SearchAsync(query, ct);
            return Results.Ok(new { total, items = rows });
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Manager)).WithTags("Audit");
}
