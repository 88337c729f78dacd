using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Admin;
using InfusionCenter.Web.Features.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfusionCenter.Web.Tests.Auth;

/// <summary>
/// Issue 12, "Accounts": a disabled account was told it was "locked after repeated failed sign-ins". The sign-in page and
/// <c>POST /api/auth/token</c> now say a disabled account is disabled (to someone who knows its password), and keep the
/// lockout words for an account locked by failed sign-ins.
/// </summary>
public sealed partial class DisabledAccountSignInTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Password = "Disabled#2026!";

    private async Task<string> AccountAsync(bool disabled)
    {
        var email = $"signin-{Guid.NewGuid():N}@infusion.test";
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await AccountSeed.EnsureUserAsync(users, email, Password, Roles.Nurse, "Sign-in Test", NullLogger.Instance);
        if (disabled)
        {
            var id = (await users.FindByEmailAsync(email))!.Id;
            await scope.ServiceProvider.GetRequiredService<AccountAdminService>().SetLockedAsync(id, true, "admin@infusion.test");
        }

        return email;
    }

    /// <summary>Five wrong passwords: Identity locks the account for 15 minutes.</summary>
    private async Task LockOutAsync(HttpClient client, string email)
    {
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync("/api/auth/token", new { email, password = "wrong-password" })).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, (HttpStatusCode)423);
        }
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response, HttpStatusCode expected) =>
        (await Api.ProblemAsync(response, expected)).GetProperty("detail").GetString()!;

    [Fact]
    public async Task Token_DisabledAccountWithItsPassword_Is401SayingItIsDisabled()
    {
        var email = await AccountAsync(disabled: true);
        using var client = fixture.App.CreateClientAs(null);

        var detail = await DetailAsync(await client.PostAsJsonAsync("/api/auth/token", new { email, password = Password }), HttpStatusCode.Unauthorized);

        detail.ShouldBe("This account is disabled. Ask an administrator.");
    }

    [Fact]
    public async Task Token_DisabledAccountWithAWrongPassword_SaysOnlyWrongEmailOrPassword()
    {
        var email = await AccountAsync(disabled: true);
        using var client = fixture.App.CreateClientAs(null);

        var detail = await DetailAsync(await client.PostAsJsonAsync("/api/auth/token", new { email, password = "not-the-password" }), HttpStatusCode.Unauthorized);

        detail.ShouldBe("Wrong email or password.");
    }

    [Fact]
    public async Task Token_AccountLockedByFailedSignIns_Is423SayingLocked_NotDisabled()
    {
        var email = await AccountAsync(disabled: false);
        using var client = fixture.App.CreateClientAs(null);
        await LockOutAsync(client, email);

        var detail = await DetailAsync(await client.PostAsJsonAsync("/api/auth/token", new { email, password = Password }), (HttpStatusCode)423);

        detail.ShouldContain("locked after repeated failed sign-ins");
        detail.ShouldNotContain("disabled");
    }

    [Fact]
    public async Task SignInPage_DisabledAccount_SaysItIsDisabled()
    {
        var email = await AccountAsync(disabled: true);
        using var client = fixture.App.CreateClientAs(null);

        var error = await SignInPageErrorAsync(client, email, Password);

        error.ShouldBe("This account is disabled. Ask an administrator.");
    }

    [Fact]
    public async Task SignInPage_AccountLockedByFailedSignIns_KeepsTheLockoutMessage()
    {
        var email = await AccountAsync(disabled: false);
        using var client = fixture.App.CreateClientAs(null);
        await LockOutAsync(client, email);

        var error = await SignInPageErrorAsync(client, email, Password);

        error.ShouldBe("This account is locked after repeated failed sign-ins. Try again in 15 minutes or ask an administrator.");
    }

    /// <summary>Fills in and posts the sign-in form (as a browser does: its hidden fields and antiforgery cookie); returns the error shown.</summary>
    private static async Task<string> SignInPageErrorAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/signin");
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields.ShouldContainKey("__RequestVerificationToken");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;

        using var response = await client.PostAsync("/signin", new FormUrlEncodedContent(fields));
        var page = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        var error = SignInError().Match(page);
        error.Success.ShouldBeTrue($"the page shows a sign-in error: {page}");
        return WebUtility.HtmlDecode(error.Groups["text"].Value).Trim();
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""data-testid="signin-error"[^>]*>(?<text>[^<]*)<""")]
    private static partial Regex SignInError();
}
