using System.Security.Claims;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InfusionCenter.Web.Features.Audit;

public static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Manager));
        audit.MapGet("/", SearchAsync);
        audit.MapGet("/entity-types", EntityTypesAsync);
    }

    /// <summary>
    /// <c>GET /api/audit?user&amp;entityType&amp;entityId&amp;action&amp;from&amp;to&amp;skip&amp;take</c> (Admin, Manager) -> <c>{"total", "items"}</c>,
    /// newest first; <c>from</c>/<c>to</c> are clinic-local days. Each item keeps the stored facts (<c>at</c> in UTC, <c>entityType</c>,
    /// <c>entityId</c>, <c>changes</c> as recorded) and adds them in words: <c>localAt</c>, <c>entityName</c>, <c>patient</c>, <c>changeList</c>.
    /// </summary>
    public static async Task<Ok<AuditPage>> SearchAsync(string? user, string? entityType, string? entityId, string? action, string? from, string? to,
        string? skip, string? take, ClaimsPrincipal viewer, AuditLog audit, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = new AuditQuery(user, entityType, entityId, action,
            QueryParsing.Date(from, "from", errors), QueryParsing.Date(to, "to", errors),
            QueryParsing.Int(skip, "skip", errors) ?? 0, QueryParsing.Int(take, "take", errors) ?? 50);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return TypedResults.Ok(await audit.SearchAsync(query, viewer, ct));
    }

    /// <summary><c>GET /api/audit/entity-types</c> -> the entity types recorded so far, <c>[{"type", "label"}]</c> (the trail's filter).</summary>
    public static async Task<Ok<IReadOnlyList<AuditEntityType>>> EntityTypesAsync(AuditLog audit, CancellationToken ct) =>
        TypedResults.Ok(await audit.EntityTypesAsync(ct));
}
