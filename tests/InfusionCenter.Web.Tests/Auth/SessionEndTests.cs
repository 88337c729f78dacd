using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Admin;
using InfusionCenter.Web.Features.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfusionCenter.Web.Tests.Auth;

/// <summary>Disabling an account or changing its role ends its bearer tokens at once, not when they expire an hour later.</summary>
public sealed class SessionEndTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Password = "Session#2026!";

    [Fact]
    public async Task ADisabledNursesOldToken_IsRefusedAtOnce()
    {
        var (id, client) = await NurseWithTokenAsync();
        (await client.GetAsync("/api/patients")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await AdminAsync(admin => admin.SetLockedAsync(id, true, "admin@infusion.test"));

        await Api.ProblemAsync(await client.GetAsync("/api/patients"), HttpStatusCode.Unauthorized);
        var created = await client.PostAsJsonAsync("/api/patients", new { mrn = $"S{Guid.NewGuid():N}"[..12], givenName = "A", familyName = "B", birthDate = "1980-01-01" });
        created.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ANurseDemotedToManager_CannotWriteWithHerOldToken()
    {
        var (id, client) = await NurseWithTokenAsync();

        await AdminAsync(admin => admin.SetRoleAsync(id, Roles.Manager, "admin@infusion.test"));

        var created = await client.PostAsJsonAsync("/api/patients", new { mrn = $"S{Guid.NewGuid():N}"[..12], givenName = "A", familyName = "B", birthDate = "1980-01-01" });
        created.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<(string Id, HttpClient Client)> NurseWithTokenAsync()
    {
        var email = $"session-{Guid.NewGuid():N}@infusion.test";
        string id;
        using (var scope = fixture.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await AccountSeed.EnsureUserAsync(users, email, Password, Roles.Nurse, "Session Test", NullLogger.Instance);
            id = (await users.FindByEmailAsync(email))!.Id;
        }

        var client = fixture.App.CreateClientAs(null);
        var token = await Api.ReadAsync(await client.PostAsJsonAsync("/api/auth/token", new { email, password = Password }), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return (id, client);
    }

    private async Task AdminAsync(Func<AccountAdminService, Task> action)
    {
        using var scope = fixture.App.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<AccountAdminService>());
    }
}
