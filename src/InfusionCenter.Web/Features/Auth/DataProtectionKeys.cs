using System.Xml.Linq;
using InfusionCenter.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Auth;

/// <summary>A data-protection key (protects sign-in cookies, bearer tokens and antiforgery tokens).</summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}

/// <summary>
/// Keeps ASP.NET Core's data-protection keys in PostgreSQL, so sign-ins survive a restart and every app
/// instance on the same database accepts the same cookies and tokens. (The EF Core key-store package is
/// not in our feed; this is its few lines.)
/// </summary>
internal sealed class DatabaseXmlRepository(IDbContextFactory<InfusionDbContext> dbFactory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbFactory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

public static class DataProtectionSetup
{
    public static IServiceCollection AddDatabaseDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("InfusionCenter");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IDbContextFactory<InfusionDbContext>>((options, dbFactory) => options.XmlRepository = new DatabaseXmlRepository(dbFactory));
        return services;
    }
}
