using Microsoft.AspNetCore.Identity;

namespace InfusionCenter.Web.Features.Auth;

/// <summary>
/// Roles always exist. Accounts: in Development the four demo accounts of API.md; in any environment an
/// admin from <c>Admin:Email</c> / <c>Admin:Password</c> (env <c>Admin__Email</c>, <c>Admin__Password</c>) is created
/// on start-up when no admin exists yet. No account or default password exists otherwise.
/// </summary>
public static class AccountSeed
{
    public static readonly (string Email, string Password, string Role, string Name)[] DemoAccounts =
    [
        ("admin@infusion.test", "Admin#2026!", Roles.Admin, "Alex Admin"),
        ("manager@infusion.test", "Manager#2026!", Roles.Manager, "Morgan Manager"),
        ("nurse@infusion.test", "Nurse#2026!", Roles.Nurse, "Nora Nurse"),
        ("coordinator@infusion.test", "Coordinator#2026!", Roles.Coordinator, "Casey Coordinator"),
    ];

    public static async Task RunAsync(IServiceProvider services, IConfiguration configuration, bool development, ILogger logger)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (development && configuration.GetValue("Seed:Demo", true))
        {
            foreach (var (email, password, role, name) in DemoAccounts)
            {
                await EnsureUserAsync(users, email, password, role, name, logger);
            }
        }

        if (configuration["Admin:Email"] is { Length: > 0 } adminEmail && configuration["Admin:Password"] is { Length: > 0 } adminPassword
            && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0)
        {
            await EnsureUserAsync(users, adminEmail, adminPassword, Roles.Admin, "Administrator", logger);
            logger.LogWarning("Created the first admin account from configuration (Admin:Email); remove Admin:Password from the configuration now");
        }
    }

    public static async Task<AppUser> EnsureUserAsync(UserManager<AppUser> users, string email, string password, string role, string? name, ILogger logger)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create account {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            logger.LogInformation("Account {UserId} created with role {Role}", user.Id, role);
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
        }

        return user;
    }
}
