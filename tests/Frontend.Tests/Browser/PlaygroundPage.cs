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

    /// <summary>The names on the file tabs, left to right.</summary>
    public static Task<IReadOnlyList<string>> FileTabsAsync(IPage page) =>
        page.Locator("[data-testid=file-tab]").AllTextContentsAsync();

    /// <summary>The name on the selected file tab: the file in the editor.</summary>
    public static Task<string?> SelectedFileAsync(IPage page) =>
        page.TextContentAsync("[data-testid=file-tab][aria-selected=true]");

    /// <summary>The editor's text, one line per CodeMirror line (its textContent runs the lines together).</summary>
    public static async Task<string> EditorTextAsync(IPage page) =>
        string.Join('\n', await page.Locator(".cm-content .cm-line").AllTextContentsAsync());

    /// <summary>Clicks "+", types <paramref name="name"/> and confirms with Enter, as a user adds a file.</summary>
    public static async Task AddFileAsync(IPage page, string name)
    {
        await page.ClickAsync("[data-testid=add-file]");
        await page.FillAsync("[data-testid=new-file-name]", name);
        await page.PressAsync("[data-testid=new-file-name]", "Enter");
    }

    /// <summary>Replaces the text of the file in the editor with <paramref name="text"/>.</summary>
    public static async Task ReplaceEditorTextAsync(IPage page, string text)
    {
        await page.ClickAsync(".cm-content");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(text);
    }

    /// <summary>Clicks Share and returns the new link (a share before this one may have left its link in the box).</summary>
    public static async Task<string> ShareAsync(IPage page)
    {
        var before = await page.InputValueAsync("[data-testid=share-link]");
        await page.ClickAsync("[data-testid=share]");
        await page.WaitForFunctionAsync(
            "before => { const link = document.querySelector('[data-testid=share-link]').value; return link.includes('?s=') && link !== before; }",
            before);
        return await page.InputValueAsync("[data-testid=share-link]");
    }

    public static async Task<string> WaitForVerdictAsync(IPage page)
    {
        await page.WaitForSelectorAsync("[data-testid=result]:not([hidden])", new() { Timeout = RunTimeoutMs });
        return (await page.TextContentAsync("[data-testid=verdict]"))!;
    }
}
