using Microsoft.Playwright;

namespace CodeRunner.Tests.Browser;

/// <summary>
/// The playground at <c>/</c> in Debian's Chromium, against a single node with real sandboxes:
/// what a new user does first. Screenshots are kept under TestResults/screenshots.
/// </summary>
public sealed partial class PlaygroundTests(PlaygroundFrontend app) : IClassFixture<PlaygroundFrontend>
{
    [Fact]
    public async Task ThePlaygroundLoadsAtTheRootWithTheLanguagesAndAnExampleAndNothingFromelsewhere()
    {
        var address = await app.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        var foreign = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(address.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                foreign.Add(request.Url);
        };

        await PlaygroundPage.OpenAsync(page, address.ToString());

        var languages = await page.EvalOnSelectorAllAsync<string[]>("[data-testid=language] option", "options => options.map(o => o.value)");
        Assert.Contains("python", languages);
        Assert.Contains("bash", languages);
        Assert.Equal("python", await page.InputValueAsync("[data-testid=language]"));
        Assert.Contains("What is your name?", await page.TextContentAsync(".cm-content"));
        Assert.True(await page.IsVisibleAsync("[data-testid=terminal] .xterm"));
        Assert.Empty(foreign);
        await Chromium.ScreenshotAsync(page, "playground-loaded");
    }

    [Fact]
    public async Task ABatchRunWithStdinShowsTheOutputVerdictTimeAndMemory()
    {
        var address = await app.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await PlaygroundPage.OpenAsync(page, address.ToString());

        await page.FillAsync("[data-testid=stdin]", "Ada");
        await page.ClickAsync("[data-testid=run-batch]");

        Assert.Equal("Accepted", await PlaygroundPage.WaitForVerdictAsync(page));
        await PlaygroundPage.WaitForTerminalAsync(page, "What is your name? Hello, Ada!");
        Assert.Equal("0", await page.TextContentAsync("[data-testid=exit-code]"));
        Assert.Matches(@"^\d+ ms wall · \d+ ms CPU$", await page.TextContentAsync("[data-testid=time]"));
        Assert.Matches(@"^[\d.]+ (B|KiB|MiB)$", await page.TextContentAsync("[data-testid=memory]"));
        await Chromium.ScreenshotAsync(page, "playground-batch-run");
    }

    [Fact]
    public async Task AShareLinkReopensTheSameCodeAndStdin()
    {
        var address = await app.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await PlaygroundPage.OpenAsync(page, address.ToString());
        await page.SelectOptionAsync("[data-testid=language]", "bash");
        await page.ClickAsync(".cm-content");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync("read -r who; echo \"shared with $who\"");
        await page.FillAsync("[data-testid=stdin]", "Grace");

        await page.ClickAsync("[data-testid=share]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=share-link]').value.includes('?s=')");
        var link = await page.InputValueAsync("[data-testid=share-link]");

        Assert.StartsWith(address.ToString(), link, StringComparison.Ordinal);
        var other = await chromium.NewPageAsync();
        await PlaygroundPage.OpenAsync(other, link);
        Assert.Equal("bash", await other.InputValueAsync("[data-testid=language]"));
        Assert.Equal("read -r who; echo \"shared with $who\"", await other.TextContentAsync(".cm-content"));
        Assert.Equal("Grace", await other.InputValueAsync("[data-testid=stdin]"));
        await other.ClickAsync("[data-testid=run-batch]");
        Assert.Equal("Accepted", await PlaygroundPage.WaitForVerdictAsync(other));
        await PlaygroundPage.WaitForTerminalAsync(other, "shared with Grace");
        await Chromium.ScreenshotAsync(other, "playground-shared-snippet");
    }

    [Fact]
    public async Task OnAPhoneThePlaygroundStacksAndNeverScrollsSideways()
    {
        var address = await app.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(390, 844, phone: true);
        await PlaygroundPage.OpenAsync(page, address.ToString());
        Assert.False(await Chromium.ScrollsHorizontallyAsync(page));

        // A long line and a run's output must scroll inside their panes, not the page.
        await page.ClickAsync(".cm-content");
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.InsertTextAsync($"\n# {new string('x', 300)}\nprint('{new string('y', 200)}')\n");
        await page.FillAsync("[data-testid=stdin]", "Ada");
        await page.ClickAsync("[data-testid=run-batch]");
        Assert.Equal("Accepted", await PlaygroundPage.WaitForVerdictAsync(page));

        var editor = await page.Locator("[data-testid=editor]").BoundingBoxAsync();
        var terminal = await page.Locator("[data-testid=terminal]").BoundingBoxAsync();
        Assert.True(terminal!.Y >= editor!.Y + editor.Height, "the terminal is below the editor");
        Assert.False(await Chromium.ScrollsHorizontallyAsync(page));
        await Chromium.ScreenshotAsync(page, "playground-phone");
    }

    /// <summary>
    /// The interactive terminal, over the session API (GET api/v1/sessions as a WebSocket, tty
    /// mode): the program prompts, the user types a name into the terminal, the program answers.
    /// </summary>
    [Fact]
    public async Task TypingANameIntoThePlaygroundsTerminalGetsTheProgramsGreeting()
    {
        var address = await app.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await PlaygroundPage.OpenAsync(page, address.ToString());
        Assert.Equal("python", await page.InputValueAsync("[data-testid=language]"));

        await page.ClickAsync("[data-testid=run]");
        await PlaygroundPage.WaitForTerminalAsync(page, "What is your name?");
        await page.ClickAsync("[data-testid=terminal]");
        await page.Keyboard.TypeAsync("Ada");
        await page.Keyboard.PressAsync("Enter");

        await PlaygroundPage.WaitForTerminalAsync(page, "Hello, Ada!");
        Assert.Equal("Accepted", await PlaygroundPage.WaitForVerdictAsync(page));
        await Chromium.ScreenshotAsync(page, "playground-interactive");
    }
}
