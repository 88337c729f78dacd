using Microsoft.Playwright;

namespace InfusionCenter.Browser.Tests.Board;

/// <summary>Screenshots of a page as a nurse sees it on a desk screen (1440 px) and on a tablet on a cart (1024 px).</summary>
internal static class Screens
{
    public static readonly int[] Widths = [1440, 1024];

    /// <summary>Full-page screenshots <c>{name}-1440.png</c> and <c>{name}-1024.png</c>; leaves the page at 1440 px.</summary>
    public static async Task ShootAsync(IPage page, string name)
    {
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.WaitForTimeoutAsync(300); // the drawer folds away below 1280 px
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1440, 900);
    }

    /// <summary>True when nothing on the page is wider than the window (no sideways scrolling of the whole page).</summary>
    public static Task<bool> FitsTheWindowAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
}
