using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Audit;

/// <summary>Reads the audit trail (admins and managers browse and filter it) and records sign-ins and account changes.</summary>
public sealed class AuditLog(IDbContextFactory<InfusionDbContext> dbFactory, TimeProvider clock, ClinicClock clinic)
{
    /// <summary>Fields of a patient row that only readers allowed to see patient names may read in the trail.</summary>
    private static readonly HashSet<string> PatientIdentifiers = new(StringComparer.Ordinal) { "GivenName", "FamilyName", "Mrn", "BirthDate" };

    public Task SignInAsync(string email, bool succeeded, string note) =>
        RecordAsync(email, succeeded ? "SignIn" : "SignInFailed", "Account", email, new Dictionary<string, object?> { ["note"] = note });

    /// <summary>An account change made by an admin (accounts live in Identity's tables, which the interceptor does not watch).</summary>
    public Task AccountChangedAsync(string email, string action, IReadOnlyDictionary<string, (object? Before, object? After)> changes) =>
        RecordAsync(AuditUser.Name, action, "Account", email,
            changes.ToDictionary(c => c.Key, c => (object?)new { before = c.Value.Before, after = c.Value.After }));

    /// <summary>Whether <paramref name="viewer"/> may read patient names in the trail (the roles that read patients).</summary>
    public static bool MaySeePatientNames(ClaimsPrincipal? viewer) => viewer is not null && Roles.All.Any(viewer.IsInRole);

    /// <summary>One page of the trail, newest first, in words (clinic-local times, entities by name, before → after).</summary>
    public async Task<AuditPage> SearchAsync(AuditQuery query, ClaimsPrincipal? viewer, CancellationToken cancellationToken = default)
    {
        var zone = await clinic.ZoneAsync(cancellationToken);
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
            q = q.Where(a => a.EntityId == query.EntityId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            q = q.Where(a => a.Action == query.Action);
        }

        // From and To are days in the clinic's zone.
        if (query.From is { } from)
        {
            var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
            q = q.Where(a => a.At >= fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            q = q.Where(a => a.At < toUtc);
        }

        var total = await q.CountAsync(cancellationToken);
        var entries = await q.OrderByDescending(a => a.Id).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(cancellationToken);
        return new AuditPage(total, await DescribeAsync(db, entries, zone, MaySeePatientNames(viewer), cancellationToken));
    }

    /// <summary>The entity types recorded in the trail (the filter's choices), found with a loose index scan of (entity_type, entity_id).</summary>
    public async Task<IReadOnlyList<AuditEntityType>> EntityTypesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var types = await db.Database.SqlQueryRaw<string>("""
            WITH RECURSIVE t(v) AS (
                SELECT min(entity_type) FROM audit_entries
                UNION ALL
                SELECT (SELECT min(entity_type) FROM audit_entries WHERE entity_type > t.v) FROM t WHERE t.v IS NOT NULL)
            SELECT v AS "Value" FROM t WHERE v IS NOT NULL
            """).ToListAsync(cancellationToken);
        return types.Select(t => new AuditEntityType(t, AuditText.TypeLabel(t))).OrderBy(t => t.Label, StringComparer.Ordinal).ToList();
    }

    private static async Task<List<AuditRow>> DescribeAsync(InfusionDbContext db, List<AuditEntry> entries, TimeZoneInfo zone, bool patientNames, CancellationToken cancellationToken)
    {
        var parsed = entries.Select(e => (Entry: e, Id: ParseId(e), Changes: AuditText.Parse(e.Changes))).ToList();

        // Every id the page names: the rows' entities, the chairs their changes mention, the patients of what is gone.
        var ids = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        void Want(string type, int? id)
        {
            if (id is > 0)
            {
                (ids.TryGetValue(type, out var set) ? set : ids[type] = []).Add(id.Value);
            }
        }

        foreach (var (entry, id, changes) in parsed)
        {
            Want(entry.EntityType, id);
            foreach (var (field, before, after) in changes)
            {
                if (field is "ChairId" or "PatientId")
                {
                    Want(field[..^2], Int(before));
                    Want(field[..^2], Int(after));
                }
            }
        }

        var names = await AuditNames.LoadAsync(db, ids, cancellationToken);
        string? ChairName(int chairId) => names.TryGetValue(("Chair", chairId), out var chair) ? chair.Text : null;

        var rows = new List<AuditRow>(parsed.Count);
        foreach (var (entry, id, changes) in parsed)
        {
            var facts = id is { } key ? names.GetValueOrDefault((entry.EntityType, key)) ?? AuditNames.FromSnapshot(entry.EntityType, key, changes) : null;
            string? patient = null;
            if (AuditNames.PatientRelated.Contains(entry.EntityType) && facts is not null)
            {
                var person = facts.Family is not null ? facts : facts.PatientId is { } pid ? names.GetValueOrDefault(("Patient", pid)) : null;
                patient = person is null ? null : patientNames ? AuditNames.PatientName(person) : $"Patient record {person.Id}";
            }

            var hideIdentifiers = entry.EntityType == "Patient" && !patientNames;
            rows.Add(new AuditRow(entry.Id, entry.At, entry.User, entry.Action, entry.EntityType, entry.EntityId, entry.Changes)
            {
                LocalAt = AuditText.Local(entry.At, zone),
                TimeZone = zone.Id,
                ActionLabel = AuditText.ActionLabel(entry.Action),
                EntityTypeLabel = AuditText.TypeLabel(entry.EntityType),
                EntityName = AuditNames.Describe(entry.EntityType, entry.EntityId, facts, zone, patientNames),
                Patient = patient,
                ChangeList = changes
                    .Where(c => !AuditText.IsHidden(c.Field))
                    .OrderBy(c => AuditText.FieldRank(c.Field)).ThenBy(c => c.Field, StringComparer.Ordinal)
                    .Select(c => hideIdentifiers && PatientIdentifiers.Contains(c.Field)
                        ? new AuditChange(AuditText.FieldLabel(c.Field), c.Before is null ? null : "(hidden)", c.After is null ? null : "(hidden)")
                        : new AuditChange(AuditText.FieldLabel(c.Field),
                            AuditText.Value(entry.EntityType, c.Field, c.Before, zone, ChairName),
                            AuditText.Value(entry.EntityType, c.Field, c.After, zone, ChairName)))
                    .Where(c => c.Before is not null || c.After is not null)
                    .ToList(),
            });
        }

        return rows;
    }

    private static int? ParseId(AuditEntry entry) =>
        entry.EntityType != "Account" && int.TryParse(entry.EntityId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static int? Int(JsonElement? value) => value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var n) ? n : null;

    private async Task RecordAsync(string user, string action, string entityType, string entityId, Dictionary<string, object?> changes)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            User = user,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Changes = JsonSerializer.Serialize(changes),
        });
        await db.SaveChangesAsync();
    }
}
