using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Admin;
using InfusionCenter.Web.Features.Audit;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Admin;

/// <summary>
/// Finding 8 (service side): every refusal of an admin form names the field it belongs to, so the form shows it AT that
/// field (the browser test checks the page); account changes are audited.
/// </summary>
public sealed class AdminServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        using (AuditUser.Set("admin@infusion.test"))
        {
            return await action(scope.ServiceProvider);
        }
    }

    private Task<RequestValidationException> RefusalAsync(NewUserModel model) =>
        InScopeAsync(sp => Should.ThrowAsync<RequestValidationException>(() => sp.GetRequiredService<AccountAdminService>().CreateUserAsync(model)));

    [Fact]
    public async Task CreateAccount_InvalidEmailWeakPasswordNoRole_RefusedFieldByField()
    {
        var refusal = await RefusalAsync(new NewUserModel { Email = "not-an-email", Password = "short", Role = null });
        refusal.Errors.Keys.ShouldBe(["email", "role", "password"], ignoreOrder: true);
        refusal.Errors["email"].ShouldContain("Enter a valid email address, such as name@clinic.org.");
        refusal.Errors["role"].ShouldContain("Choose a role: Nurse, Coordinator, Manager or Admin.");
        refusal.Errors["password"].Single().ShouldBe("Too weak: use at least 10 characters, with an upper-case letter, a lower-case letter, a digit and a symbol.");
    }

    [Fact]
    public async Task CreateAccount_ExistingEmail_RefusedAtTheEmailField()
    {
        var refusal = await RefusalAsync(new NewUserModel { Email = "nurse@infusion.test", Password = "Another#2026!", Role = "Nurse" });
        refusal.Errors.Keys.ShouldBe(["email"]);
        refusal.Errors["email"].Single().ShouldBe("An account for nurse@infusion.test already exists.");
    }

    [Fact]
    public async Task CreateAccount_Valid_ListedWithItsRole_AndAudited()
    {
        var email = $"new-{Guid.NewGuid():N}"[..16] + "@infusion.test";
        var users = await InScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountAdminService>();
            await accounts.CreateUserAsync(new NewUserModel { Email = email, DisplayName = "Dana Whitfield", Password = "Welcome#2026!", Role = "Manager" });
            return await accounts.UsersAsync();
        });
        users.ShouldContain(u => u.Email == email && u.Role == "Manager" && u.DisplayName == "Dana Whitfield" && u.LockedUntil == null);

        await using var db = await fixture.App.CreateDbContextAsync();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Account" && a.EntityId == email && a.Action == "Created");
        entry.User.ShouldBe("admin@infusion.test");
        entry.Changes!.ShouldContain("Manager");
    }

    [Fact]
    public async Task ClosedDay_MissingFieldsAndDuplicateDay_RefusedAtTheirFields()
    {
        var missing = await InScopeAsync(sp => Should.ThrowAsync<RequestValidationException>(() => sp.GetRequiredService<ClinicAdminService>().AddClosureAsync(null, " ")));
        missing.Errors.Keys.ShouldBe(["date", "reason"], ignoreOrder: true);

        var day = new DateOnly(2031, 12, 24);
        await InScopeAsync(sp => sp.GetRequiredService<ClinicAdminService>().AddClosureAsync(day, "Christmas Eve"));
        var duplicate = await InScopeAsync(sp => Should.ThrowAsync<RequestValidationException>(() => sp.GetRequiredService<ClinicAdminService>().AddClosureAsync(day, "Again")));
        duplicate.Errors.Keys.ShouldBe(["date"]);
        duplicate.Errors["date"].Single().ShouldBe("Wed 2031-12-24 is already marked closed.");
    }
}
