using System.Text.Json;
using System.Text.Json.Nodes;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InfusionCenter.Web.Features.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every create, update and delete of the audited entities, in the
/// same SaveChanges (so the same transaction) as the change itself. Generated keys are filled in after
/// the insert, then the audit rows are saved in a second statement of the same transaction.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static readonly HashSet<Type> Audited =
    [
        typeof(Patient), typeof(Regimen), typeof(Dose), typeof(Appointment), typeof(SafetyCheck), typeof(ProtocolEntity), typeof(ProtocolVersion),
        typeof(Chair), typeof(Clinic), typeof(OpeningHours), typeof(ClinicClosure), typeof(StaffingDay), typeof(DrugEntity),
        typeof(Coverage), typeof(PriorAuthorization), typeof(TreatmentOrder), typeof(DrugSupply), typeof(ReadinessRule),
    ];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is InfusionDbContext db && db.Database.CurrentTransaction is null)
        {
            // One transaction for the change and its audit rows.
            await db.Database.BeginTransactionAsync(cancellationToken);
            db.OwnsAuditTransaction = true;
        }

        Capture(eventData.Context);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is InfusionDbContext db && db.Database.CurrentTransaction is null)
        {
            db.Database.BeginTransaction();
            db.OwnsAuditTransaction = true;
        }

        Capture(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is InfusionDbContext db)
        {
            var owns = db.OwnsAuditTransaction;
            db.OwnsAuditTransaction = false;
            if (QueuePending(db))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            if (owns && db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is InfusionDbContext db)
        {
            var owns = db.OwnsAuditTransaction;
            db.OwnsAuditTransaction = false;
            if (QueuePending(db))
            {
                db.SaveChanges();
            }

            if (owns && db.Database.CurrentTransaction is { } transaction)
            {
                transaction.Commit();
                transaction.Dispose();
            }
        }

        return result;
    }

    /// <summary>Adds the captured audit rows (keys now known) to the context; true when there are any to save.</summary>
    private static bool QueuePending(InfusionDbContext db)
    {
        if (db.PendingAudit is not { Count: > 0 } pending)
        {
            return false;
        }

        db.PendingAudit = null;
        foreach (var (entry, audit) in pending)
        {
            audit.EntityId ??= KeyOf(entry);
            if (audit.Action == "Created")
            {
                // Before the insert, generated keys (and foreign keys to rows inserted alongside) held EF's temporary
                // values: record what was actually stored.
                audit.Changes = JsonSerializer.Serialize(
                    entry.Properties.Where(p => p.Metadata.Name != "RowVersion").ToDictionary(p => p.Metadata.Name, p => (object?)new { after = p.CurrentValue }),
                    JsonOptions);
            }
            else if (audit.Action == "Updated")
            {
                audit.Changes = WithStoredForeignKeys(entry, audit.Changes);
            }

            db.AuditEntries.Add(audit);
        }

        return true;
    }

    /// <summary>An update's "after" values of foreign keys, as stored (a key pointing at a row inserted in the same save was temporary).</summary>
    private static string? WithStoredForeignKeys(EntityEntry entry, string? changes)
    {
        if (changes is null || JsonNode.Parse(changes) is not JsonObject json)
        {
            return changes;
        }

        var patched = false;
        foreach (var property in entry.Properties.Where(p => p.Metadata.IsForeignKey()))
        {
            if (json[property.Metadata.Name] is JsonObject pair && pair.ContainsKey("after"))
            {
                pair["after"] = JsonSerializer.SerializeToNode(property.CurrentValue, JsonOptions);
                patched = true;
            }
        }

        return patched ? json.ToJsonString(JsonOptions) : changes;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is InfusionDbContext failed)
        {
            failed.PendingAudit = null;
        }

        if (eventData.Context is InfusionDbContext owner && owner.OwnsAuditTransaction && owner.Database.CurrentTransaction is { } transaction)
        {
            owner.OwnsAuditTransaction = false;
            await transaction.RollbackAsync(cancellationToken);
            await transaction.DisposeAsync();
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is InfusionDbContext failed)
        {
            failed.PendingAudit = null;
        }

        if (eventData.Context is InfusionDbContext owner && owner.OwnsAuditTransaction && owner.Database.CurrentTransaction is { } transaction)
        {
            owner.OwnsAuditTransaction = false;
            transaction.Rollback();
            transaction.Dispose();
        }
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pending = new List<(EntityEntry, AuditEntry)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (!Audited.Contains(entry.Metadata.ClrType) || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changes = new Dictionary<string, object?>();
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.Name == "RowVersion")
                {
                    continue;
                }

                switch (entry.State)
                {
                    case EntityState.Added:
                        changes[property.Metadata.Name] = new { after = property.CurrentValue };
                        break;
                    case EntityState.Deleted:
                        changes[property.Metadata.Name] = new { before = property.OriginalValue };
                        break;
                    case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                        changes[property.Metadata.Name] = new { before = property.OriginalValue, after = property.CurrentValue };
                        break;
                }
            }

            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            pending.Add((entry, new AuditEntry
            {
                At = now,
                User = AuditUser.Name,
                Action = entry.State switch { EntityState.Added => "Created", EntityState.Deleted => "Deleted", _ => "Updated" },
                EntityType = entry.Metadata.ClrType.Name.Replace("Entity", "", StringComparison.Ordinal),
                EntityId = entry.State == EntityState.Added ? null : KeyOf(entry),
                Changes = JsonSerializer.Serialize(changes, JsonOptions),
            }));
        }

        if (pending.Count > 0 && context is InfusionDbContext db)
        {
            (db.PendingAudit ??= []).AddRange(pending);
        }
    }

    private static string? KeyOf(EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey() is { } key ? string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue)) : null;
}
