using Microsoft.Playwright;

namespace InfusionCenter.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (never `playwright install`: the machine has no internet;
/// ./test.sh installs the chromium package). Flags keep Chromium off the network.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public static string ScreenshotDirectory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } configured
                ? configured
                : Path.Combine(FindRepoRoot(), "artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        // CI machines have 2 cores: give Blazor round-trips room before an expectation fails.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>
    /// Signs in as <paramref name="role"/> (a demo account) in a fresh browser context, opens <paramref name="path"/>
    /// and waits until Blazor's circuit is up (clicks before that are lost).
    /// </summary>
    public async Task<IPage> OpenInteractiveAsync(Uri baseAddress, string path = "/", string role = "Nurse")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        await SignInAsync(page, role);
        await page.GotoAsync(path);
        await page.GetByTestId("interactive").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return page;
    }

    /// <summary>
    /// Clicks a save button whose success navigates to <paramref name="target"/>. Fails at once with the page's
    /// error text if <paramref name="error"/> shows. On a loaded 2-core machine a click can be lost between Blazor's
    /// re-render and SignalR; if the page is still there with the button enabled (no save in flight) and no error after
    /// a while, the click is repeated. Safe only for saves guarded against repeats (a version or idempotency check).
    /// </summary>
    public static async Task ClickUntilNavigatedAsync(IPage page, ILocator button, System.Text.RegularExpressions.Regex target, ILocator error)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var nextClick = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            if (target.IsMatch(page.Url))
            {
                return;
            }

            if (await error.CountAsync() > 0 && await error.First.IsVisibleAsync() && (await error.First.InnerTextAsync()).Trim() is { Length: > 0 } message)
            {
                throw new InvalidOperationException($"The save was refused: {message}");
            }

            if (DateTime.UtcNow >= nextClick && await button.CountAsync() == 1 && await button.IsEnabledAsync())
            {
                await button.ClickAsync(new LocatorClickOptions { Timeout = 5_000 }).ContinueWith(_ => { }, TaskScheduler.Default);
                nextClick = DateTime.UtcNow.AddSeconds(20);
            }

            await page.WaitForTimeoutAsync(250);
        }

        throw new TimeoutException($"Still at {page.Url} 90 s after saving; expected {target}.");
    }

    public static async Task SignInAsync(IPage page, string role)
    {
        var (email, password) = Testing.InfusionAppFactory.AccountFor(role);
        await page.GotoAsync("/signin");
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("signin").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InfusionCenter.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
