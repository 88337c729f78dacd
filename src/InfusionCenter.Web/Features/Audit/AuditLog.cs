using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Audit;

/// <summary>Reads the audit trail (admins browse and filter; managers read) and records sign-ins.</summary>
public sealed class AuditLog(IDbContextFactory<InfusionDbContext> dbFactory, TimeProvider clock)
{
    public async Task SignInAsync(string email, bool succeeded, string note)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            User = email,
            Action = succeeded ? "SignIn" : "SignInFailed",
            EntityType = "Account",
            EntityId = email,
            Changes = System.Text.Json.JsonSerializer.Serialize(new { note }),
        });
        await db.SaveChangesAsync();
    }

    public async Task<(List<AuditRow> Rows, int Total)> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            q = q.Where(a => EF.Functions.ILike(a.User, $"%{query.User.Trim()}%"));
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            q = q.Where(a => a.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            q = q.Where(a => a.EntityId == query.EntityId);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            q = q.Where(a => a.Action == query.Action);
        }

        if (query.From is { } from)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.At >= fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(a => a.At < toUtc);
        }

        var total = await q.CountAsync(cancellationToken);
        var rows = await q.OrderByDescending(a => a.Id).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500))
            .Select(a => new AuditRow(a.Id, a.At, a.User, a.Action, a.EntityType, a.EntityId, a.Changes))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }
}
