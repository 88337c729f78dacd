using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Chairs;

public sealed class ChairService(IDbContextFactory<InfusionDbContext> dbFactory)
{
    public async Task<List<Chair>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Chairs.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The chairs in use, in board order.</summary>
    public async Task<List<Chair>> ActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Chairs.AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
    }

    public async Task<Chair> CreateAsync(ChairRequest request, CancellationToken cancellationToken = default)
    {
        var (name, kind) = Validate(request, requireAll: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chair = new Chair
        {
            Name = name!,
            Kind = kind!.Value,
            Active = request.Active ?? true,
            SortOrder = (await db.Chairs.MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0) + 1,
        };
        db.Chairs.Add(chair);
        await SaveAsync(db, name!, cancellationToken);
        return chair;
    }

    public async Task<Chair> UpdateAsync(int id, ChairRequest request, CancellationToken cancellationToken = default)
    {
        var (name, kind) = Validate(request, requireAll: false);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chair = await db.Chairs.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException($"No chair with id {id}.");
        chair.Name = name ?? chair.Name;
        chair.Kind = kind ?? chair.Kind;
        chair.Active = request.Active ?? chair.Active;
        await SaveAsync(db, chair.Name, cancellationToken);
        return chair;
    }

    /// <summary>The chair as the API shows it, its kind spelled as in <see cref="ChairMessages.Kinds"/>.</summary>
    public static ChairDto ToDto(Chair c) => new(c.Id, c.Name, KindCode(c.Kind), c.Active);

    public static string KindCode(ChairKind kind) => kind switch
    {
        ChairKind.Recliner => "recliner",
        ChairKind.Bed => "bed",
        ChairKind.PrivateRoom => "privateRoom",
        _ => kind.ToString(),
    };

    private static (string? Name, ChairKind? Kind) Validate(ChairRequest request, bool requireAll)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (requireAll && string.IsNullOrEmpty(name))
        {
            errors["name"] = [ChairMessages.NameMissing];
        }
        else if (name is { Length: > 60 })
        {
            errors["name"] = [ChairMessages.NameTooLong];
        }
        else if (name is { Length: 0 })
        {
            errors["name"] = [ChairMessages.NameMissing];
        }

        ChairKind? kind = null;
        if (request.Kind is not null)
        {
            kind = request.Kind.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() switch
            {
                "recliner" => ChairKind.Recliner,
                "bed" => ChairKind.Bed,
                "privateroom" => ChairKind.PrivateRoom,
                _ => null,
            };
            if (kind is null)
            {
                errors["kind"] = [ChairMessages.KindUnknown];
            }
        }
        else if (requireAll)
        {
            errors["kind"] = [ChairMessages.KindUnknown];
        }

        return errors.Count > 0 ? throw new RequestValidationException(errors) : (name, kind);
    }

    private static async Task SaveAsync(InfusionDbContext db, string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw new ConflictException($"There is already a chair named \u201c{name}\u201d: choose another name.");
        }
    }
}
