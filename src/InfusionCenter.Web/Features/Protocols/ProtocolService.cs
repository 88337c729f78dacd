using System.Text.Json;
using FluentValidation;
using InfusionCenter.Domain;
using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Protocols;

/// <summary>Reads protocols and their versions, saves edits as new versions, previews calendars.</summary>
public sealed class ProtocolService(
    IDbContextFactory<InfusionDbContext> dbFactory,
    TimeProvider clock,
    ProtocolDefinitionValidator definitionValidator,
    CalendarQueryValidator queryValidator,
    ILogger<ProtocolService> logger)
{
    public async Task<List<ProtocolSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Protocols.AsNoTracking().Where(p => p.Active)
            .Select(p => new { p.Code, p.CurrentVersion, Version = p.Versions.First(v => v.Version == p.CurrentVersion) })
            .OrderBy(p => p.Code)
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var definition = ProtocolJson.Deserialize(r.Version.DefinitionJson);
            return new ProtocolSummary(r.Code, definition.Name, r.CurrentVersion, definition.Drug.GenericName, definition.Drug.BrandName,
                definition.IsBsaDosed, definition.IsCourseSeries, definition.CumulativeCapMgPerM2, r.Version.CreatedAt);
        }).ToList();
    }

    /// <exception cref="NotFoundException">No protocol has this code.</exception>
    public async Task<ProtocolVersionView> GetAsync(string code, CancellationToken cancellationToken = default) =>
        await FindAsync(code, cancellationToken) ?? throw new NotFoundException($"No protocol with code '{code}'.");

    /// <summary>The current version of protocol <paramref name="code"/>, or null when there is none.</summary>
    public async Task<ProtocolVersionView?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.ProtocolVersions.AsNoTracking()
            .Where(v => v.Protocol!.Code == code && v.Version == v.Protocol.CurrentVersion)
            .Select(v => new { v.Id, v.Version, v.DefinitionJson, v.CreatedAt, v.CreatedBy })
            .FirstOrDefaultAsync(cancellationToken);
        return version is null
            ? null
            : new ProtocolVersionView(version.Id, code, version.Version, ProtocolJson.Deserialize(version.DefinitionJson), version.CreatedAt, version.CreatedBy);
    }

    public async Task<List<ProtocolVersionView>> VersionsAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var versions = await db.ProtocolVersions.AsNoTracking().Where(v => v.Protocol!.Code == code)
            .OrderByDescending(v => v.Version)
            .Select(v => new { v.Id, v.Version, v.DefinitionJson, v.CreatedAt, v.CreatedBy })
            .ToListAsync(cancellationToken);
        return versions.Select(v => new ProtocolVersionView(v.Id, code, v.Version, ProtocolJson.Deserialize(v.DefinitionJson), v.CreatedAt, v.CreatedBy)).ToList();
    }

    /// <summary>
    /// Saves <paramref name="definition"/> as the next version of protocol <paramref name="code"/> (creating the
    /// protocol when the code is new). With <paramref name="expectedVersion"/>, refuses (409) when someone else
    /// saved a newer version in the meantime.
    /// </summary>
    public async Task<ProtocolVersionView> SaveAsync(string code, ProtocolDefinition definition, int? expectedVersion, string? user, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(definition.Code, code, StringComparison.Ordinal))
        {
            throw RequestValidationException.For("code", $"The definition's code '{definition.Code}' does not match the address ('{code}').");
        }

        await definitionValidator.EnsureValidAsync(definition, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var protocol = await db.Protocols.Include(p => p.Drug).FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (protocol is null)
        {
            protocol = new ProtocolEntity { Code = code, Drug = await FindOrAddDrugAsync(db, code, definition.Drug, cancellationToken) };
            db.Protocols.Add(protocol);
        }
        else if (expectedVersion is { } expected && expected != protocol.CurrentVersion)
        {
            throw new ConflictException($"Protocol '{code}' was changed by someone else: it is now at version {protocol.CurrentVersion}, you edited version {expected}. Reload it and apply your change again.");
        }

        protocol.Drug = await FindOrAddDrugAsync(db, code, definition.Drug, cancellationToken);
        protocol.CurrentVersion++;
        var version = new ProtocolVersion
        {
            Protocol = protocol,
            Version = protocol.CurrentVersion,
            Name = definition.Name,
            DefinitionJson = ProtocolJson.Serialize(definition),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user,
        };
        db.ProtocolVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation())
        {
            throw new ConflictException($"Protocol '{code}' was changed by someone else while you were saving. Reload it and apply your change again.");
        }

        logger.LogInformation("Protocol {Code} saved as version {Version}", code, version.Version);
        return new ProtocolVersionView(version.Id, code, version.Version, definition, version.CreatedAt, user);
    }

    /// <summary>Label schedule of one series (no clinic hours): API.md's calendar preview.</summary>
    public async Task<(ProtocolVersionView Protocol, CalendarResult Calendar)> PreviewAsync(string code, CalendarQuery query, CancellationToken cancellationToken = default)
    {
        await queryValidator.EnsureValidAsync(query, cancellationToken);
        var protocol = await GetAsync(code, cancellationToken);
        return (protocol, Compute(protocol.Definition, query));
    }

    /// <summary>Runs the calendar engine; domain refusals (missing BSA, days out of range) become 400s.</summary>
    public static CalendarResult Compute(ProtocolDefinition definition, CalendarQuery query, IReadOnlyDictionary<int, DateOnly>? given = null)
    {
        var request = new CalendarRequest(
            query.Start!.Value,
            query.Until,
            query.Bsa,
            query.PriorCumulativeMgPerM2 ?? 0m,
            query.Days,
            query.IntervalOverrideWeeks is { } weeks ? Interval.OfWeeks(weeks) : null,
            Given: given);
        try
        {
            return CalendarEngine.Compute(definition, request);
        }
        catch (DomainValidationException e)
        {
            throw RequestValidationException.From(e);
        }
    }

    /// <summary>
    /// What the editor shows while an admin edits: the Domain's problems with <paramref name="definition"/> (keyed by API
    /// field path), or, when there are none, its label schedule from <paramref name="start"/> (BSA-dosed: with <paramref name="bsa"/>).
    /// </summary>
    public static ProtocolCheck Check(ProtocolDefinition definition, DateOnly start, decimal bsa)
    {
        var errors = definition.Validate().GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        if (errors.Count > 0)
        {
            return new ProtocolCheck(errors, null);
        }

        try
        {
            return new ProtocolCheck(errors, CalendarEngine.Compute(definition, new CalendarRequest(start, Bsa: definition.IsBsaDosed ? bsa : null)));
        }
        catch (DomainValidationException e)
        {
            return new ProtocolCheck(e.ToDictionary(), null);
        }
    }

    /// <summary>Who the start-up seeding records as the author of the versions it writes (admins' versions name the admin).</summary>
    public const string SystemUser = "system";

    /// <summary>
    /// Installs the default protocols (reference data, all environments): a default whose code is missing is added; a
    /// protocol whose current version was written by the seeding (<see cref="SystemUser"/>, never edited by an admin since)
    /// and is exactly a default an earlier release installed (<see cref="DefaultProtocols.IsSupersededDefault"/>) gets the
    /// current default as a new version. Anything else, in particular an admin's edit, is left as it is; regimens keep the
    /// version they started on.
    /// </summary>
    public async Task EnsureDefaultsAsync(CancellationToken cancellationToken = default)
    {
        List<(string Code, int Version, string? CreatedBy, string Json)> current;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            current = (await db.ProtocolVersions.AsNoTracking()
                    .Where(v => v.Version == v.Protocol!.CurrentVersion)
                    .Select(v => new { v.Protocol!.Code, v.Version, v.CreatedBy, v.DefinitionJson })
                    .ToListAsync(cancellationToken))
                .Select(v => (v.Code, v.Version, v.CreatedBy, v.DefinitionJson)).ToList();
        }

        foreach (var definition in DefaultProtocols.All)
        {
            var stored = current.FirstOrDefault(c => c.Code == definition.Code);
            if (stored.Code is null)
            {
                await SaveAsync(definition.Code, definition, expectedVersion: null, user: SystemUser, cancellationToken);
            }
            else if (stored.CreatedBy == SystemUser && IsSupersededDefault(stored.Json))
            {
                try
                {
                    var saved = await SaveAsync(definition.Code, definition, expectedVersion: stored.Version, user: SystemUser, cancellationToken);
                    logger.LogInformation("Default protocol {Code} upgraded from version {Previous} to {Version}", definition.Code, stored.Version, saved.Version);
                }
                catch (ConflictException)
                {
                    // Another instance starting at the same time (or an admin) saved a version first: theirs stands.
                    logger.LogInformation("Default protocol {Code} changed while upgrading it; left as it is", definition.Code);
                }
            }
        }
    }

    private static bool IsSupersededDefault(string json)
    {
        try
        {
            return DefaultProtocols.IsSupersededDefault(ProtocolJson.Deserialize(json));
        }
        catch (JsonException)
        {
            return false; // not a definition this release can read: certainly not one it shipped
        }
    }

    private static async Task<DrugEntity> FindOrAddDrugAsync(InfusionDbContext db, string code, Drug drug, CancellationToken cancellationToken)
    {
        var entity = db.Drugs.Local.FirstOrDefault(d => d.GenericName == drug.GenericName)
            ?? await db.Drugs.FirstOrDefaultAsync(d => d.GenericName == drug.GenericName, cancellationToken);
        if (entity is null)
        {
            entity = new DrugEntity { GenericName = drug.GenericName, BrandName = drug.BrandName };
            db.Drugs.Add(entity);
        }
        else if (drug.BrandName is not null && entity.BrandName != drug.BrandName
                 && !await db.Protocols.AnyAsync(p => p.DrugId == entity.Id && p.Code != code, cancellationToken))
        {
            // A drug given in several forms keeps its first brand (ocrelizumab: Ocrevus, not Ocrevus Zunovo); the protocol's
            // own definition carries its brand.
            entity.BrandName = drug.BrandName;
        }

        return entity;
    }
}
