using Microsoft.Playwright;

namespace InfusionCenter.Browser.Tests.Worklist;

/// <summary>
/// What "reads well" means for a list page, measured in the browser: whole column headers (no "P.."), nothing drawn over
/// the next column, no chip under a button, and no sideways scrolling that hides key columns.
/// </summary>
internal static class TableLayout
{
    /// <summary>Headers (or anything inside them) whose text does not fit their box: cut off or ellipsised.</summary>
    private const string ClippedHeadersScript = """
        table => [...table.querySelectorAll('thead th')].filter(th =>
            [th, ...th.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'
                || e.getBoundingClientRect().right > th.getBoundingClientRect().right + 1))
            .map(th => th.innerText.trim() || '(empty)')
        """;

    /// <summary>Cells whose content spills out of the cell (text drawn over the next column).</summary>
    private const string SpillingCellsScript = """
        table => [...table.querySelectorAll('tbody td')].filter(td =>
            [...td.querySelectorAll('*')].some(e => e.getBoundingClientRect().right > td.getBoundingClientRect().right + 1))
            .map(td => td.innerText.trim().slice(0, 40))
        """;

    /// <summary>Chips (by test id) whose box overlaps a button's (by test id) in the same row.</summary>
    private const string ChipsOverButtonsScript = """
        ([table, chipId, buttonId]) => {
            const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
            const found = [];
            for (const row of table.querySelectorAll('tbody tr')) {
                const buttons = [...row.querySelectorAll(`[data-testid=${buttonId}]`)].map(b => b.getBoundingClientRect());
                for (const chip of row.querySelectorAll(`[data-testid=${chipId}]`)) {
                    if (buttons.some(b => overlap(chip.getBoundingClientRect(), b))) { found.push(chip.innerText.trim()); }
                }
            }
            return found;
        }
        """;

    public static async Task ShouldReadWellAsync(IPage page, ILocator table, int viewportWidth, string chipTestId, string buttonTestId)
    {
        (await table.EvaluateAsync<string[]>(ClippedHeadersScript)).ShouldBeEmpty("every column header is readable in full");
        (await table.EvaluateAsync<string[]>(SpillingCellsScript)).ShouldBeEmpty("no cell's content runs into the next column");
        var handle = await table.ElementHandleAsync();
        (await page.EvaluateAsync<string[]>(ChipsOverButtonsScript, new object[] { handle, chipTestId, buttonTestId }))
            .ShouldBeEmpty("no status chip lies over a button");
        var box = await table.BoundingBoxAsync();
        box.ShouldNotBeNull();
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(viewportWidth, "the table fits the window");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))
            .ShouldBeFalse("the page does not scroll sideways");
        (await table.EvaluateAsync<bool>("t => { for (let e = t; e; e = e.parentElement) { if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') return true; } return false; }"))
            .ShouldBeFalse("no column is hidden behind a horizontal scroll");
    }
}
