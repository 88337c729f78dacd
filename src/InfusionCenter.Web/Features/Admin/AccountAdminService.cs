using InfusionCenter.Web.Features.Audit;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Admin;

/// <summary>
/// Staff accounts (admin): list, create, change role, disable and enable, reset a password. Each operation uses its own
/// service scope (a fresh <see cref="UserManager{TUser}"/> and database context), never one that lives as long as a
/// Blazor circuit. Every change is written to the audit trail (Identity's tables are not watched by the interceptor).
/// </summary>
public sealed class AccountAdminService(
    IServiceScopeFactory scopes,
    NewUserValidator validator,
    AuditLog audit,
    TimeProvider clock,
    ILogger<AccountAdminService> logger)
{
    public async Task<List<UserRow>> UsersAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var roleOf = new Dictionary<string, List<string>>();
        foreach (var role in Roles.All)
        {
            foreach (var member in await users.GetUsersInRoleAsync(role))
            {
                (roleOf.TryGetValue(member.Id, out var list) ? list : roleOf[member.Id] = []).Add(role);
            }
        }

        var now = clock.GetUtcNow();
        return (await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync())
            .Select(u => new UserRow(u.Id, u.Email!, u.DisplayName, string.Join(", ", roleOf.GetValueOrDefault(u.Id) ?? []),
                u.LockoutEnd is { } end && end > now ? end : null))
            .ToList();
    }

    public async Task CreateUserAsync(NewUserModel model)
    {
        await validator.EnsureValidAsync(model);
        var email = model.Email!.Trim();
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw RequestValidationException.For("email", $"An account for {email} already exists.");
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = Blank(model.DisplayName) };
        var created = await users.CreateAsync(user, model.Password!);
        if (!created.Succeeded)
        {
            // The account store's own refusals, at the field they concern.
            throw new RequestValidationException(created.Errors
                .GroupBy(e => e.Code.Contains("UserName", StringComparison.Ordinal) || e.Code.Contains("Email", StringComparison.Ordinal) ? "email" : "password")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }

        await users.AddToRoleAsync(user, model.Role!);
        await audit.AccountChangedAsync(email, "Created", new Dictionary<string, (object?, object?)>
        {
            ["DisplayName"] = (null, user.DisplayName), ["Role"] = (null, model.Role),
        });
        logger.LogInformation("Account {UserId} created with role {Role}", user.Id, model.Role);
    }

    public async Task SetRoleAsync(string userId, string role, string actingUser)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("No such account.");
        if (!Roles.All.Contains(role))
        {
            throw RequestValidationException.For("role", "Choose Nurse, Coordinator, Manager or Admin.");
        }

        if (string.Equals(user.Email, actingUser, StringComparison.OrdinalIgnoreCase) && role != Roles.Admin)
        {
            throw new ConflictException("You cannot remove your own admin role: ask another admin.");
        }

        var before = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, before);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        await audit.AccountChangedAsync(user.Email!, "Updated", new Dictionary<string, (object?, object?)> { ["Role"] = (string.Join(", ", before), role) });
    }

    public async Task SetLockedAsync(string userId, bool locked, string actingUser)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("No such account.");
        if (locked && string.Equals(user.Email, actingUser, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConflictException("You cannot disable your own account.");
        }

        await users.SetLockoutEndDateAsync(user, locked ? AccountLockout.DisabledUntil : null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.AccountChangedAsync(user.Email!, "Updated", new Dictionary<string, (object?, object?)> { ["Disabled"] = (!locked, locked) });
    }

    public async Task ResetPasswordAsync(string userId, string? password)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("No such account.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password ?? "");
        if (!result.Succeeded)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["password"] = result.Errors.Select(e => e.Description).ToArray() });
        }

        await audit.AccountChangedAsync(user.Email!, "Updated", new Dictionary<string, (object?, object?)> { ["Password"] = ("(old)", "(reset by an admin)") });
    }

    private static UserManager<AppUser> Users(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
