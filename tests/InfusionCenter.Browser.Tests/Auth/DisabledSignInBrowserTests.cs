using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Admin;
using InfusionCenter.Web.Features.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Auth;

/// <summary>Issue 12, "Accounts": a disabled nurse signing in reads that her account is disabled, not that it is locked.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DisabledSignInBrowserTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    [Fact]
    public async Task DisabledAccount_SigningIn_ReadsThatItIsDisabled()
    {
        const string password = "Disabled#2026!";
        var email = $"disabled-{Guid.NewGuid():N}@infusion.test";
        using (var scope = live.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await AccountSeed.EnsureUserAsync(users, email, password, Roles.Nurse, "Disabled Nurse", NullLogger.Instance);
            var id = (await users.FindByEmailAsync(email))!.Id;
            await scope.ServiceProvider.GetRequiredService<AccountAdminService>().SetLockedAsync(id, true, "admin@infusion.test");
        }

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = live.App.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("signin").ClickAsync();

        await Expect(page.GetByTestId("signin-error")).ToHaveTextAsync("This account is disabled. Ask an administrator.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "signin-disabled.png") });
    }
}
