using Microsoft.Playwright;

namespace CodeRunner.Tests.Browser;

/// <summary>What the playground tests do on the page: open it, wait until it is ready, read the terminal and the result.</summary>
internal static class PlaygroundPage
{
    /// <summary>Generous: the first run of a node may wait for a sandbox to warm.</summary>
    public const float RunTimeoutMs = 120_000;

    public static async Task OpenAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        await page.WaitForSelectorAsync("body[data-ready=true]", new() { Timeout = 30_000 });
    }

    /// <summary>The terminal's visible text (xterm's DOM renderer: one element per row; its spaces are no-break spaces).</summary>
    public static Task<string> TerminalTextAsync(IPage page) =>
        page.EvaluateAsync<string>("() => (document.querySelector('[data-testid=terminal] .xterm-rows')?.innerText ?? '').replaceAll('\\u00a0', ' ')");

    /// <summary>Waits until the terminal shows <paramref name="text"/>; fails at once, with what the page shows, when the run ends without it (status in red).</summary>
    public static async Task WaitForTerminalAsync(IPage page, string text)
    {
        try
        {
            await page.WaitForFunctionAsync(
                """
                text => (document.querySelector('[data-testid=terminal] .xterm-rows')?.innerText ?? '').replaceAll('\u00a0', ' ').includes(text)
                    || document.querySelector('[data-testid=status]').dataset.kind === 'bad'
                """,
                text, new() { Timeout = RunTimeoutMs });
        }
        catch (TimeoutException)
        {
            // Reported below, with the terminal's text.
        }
        var shown = await TerminalTextAsync(page);
        if (!shown.Contains(text, StringComparison.Ordinal))
        {
            await Chromium.ScreenshotAsync(page, $"failed-{Guid.NewGuid():N}");
            Assert.Fail($"The terminal never showed '{text}'. It shows:\n{shown}\nStatus: {await page.TextContentAsync("[data-testid=status]")}");
        }
    }

    public static async Task<string> WaitForVerdictAsync(IPage page)
    {
        await page.WaitForSelectorAsync("[data-testid=result]:not([hidden])", new() { Timeout = RunTimeoutMs });
        return (await page.TextContentAsync("[data-testid=verdict]"))!;
    }
}
