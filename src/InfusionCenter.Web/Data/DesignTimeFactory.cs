using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InfusionCenter.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the app (and its embedded
/// database). Adding a migration needs no server; the connection string is only a placeholder.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<InfusionDbContext>
{
    public InfusionDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<InfusionDbContext>();
        options.UseInfusionDatabase(Environment.GetEnvironmentVariable("ConnectionStrings__InfusionCenter") ?? "Host=127.0.0.1;Database=infusioncenter;Username=postgres");
        return new(options.Options);
    }
}
