using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InfusionCenter.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the app (and its embedded
/// database). Adding a migration needs no server; the connection string is only a placeholder.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<InfusionDbContext>
{
    public InfusionDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<InfusionDbContext>()
        .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__InfusionCenter") ?? "Host=127.0.0.1;Database=infusioncenter;Username=postgres",
            npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .Options);
}
