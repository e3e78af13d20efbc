using System.Net;
using System.Text.Json;

namespace CodeRunner.Tests.Browser;

/// <summary>The playground's file tabs: a program of several files is edited, run and shared whole, main file first.</summary>
public sealed partial class PlaygroundTests
{
    private const string MainPy = "from greet import hello\nhello(input())";
    private const string GreetPy = "def hello(n): print(f\"Hi {n} from greet\")";

    [Fact]
    public async Task AShareLinkToATwoFileSnippetOpensBothFilesAndRunsThemTogether()
    {
        var address = await app.StartAsync();
        var id = await CreateSnippetAsync(JsonSerializer.Serialize(new
        {
            language = "python",
            files = new[] { new { name = "main.py", content = MainPy }, new { name = "greet.py", content = GreetPy } },
            stdin = "Ada",
        }));
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();

        await PlaygroundPage.OpenAsync(page, new Uri(address, $"?s={id}").ToString());

        Assert.Equal(["main.py", "greet.py"], await PlaygroundPage.FileTabsAsync(page));
        Assert.Equal("main.py", await PlaygroundPage.SelectedFileAsync(page));
        Assert.Equal(MainPy, await PlaygroundPage.EditorTextAsync(page));
        await Chromium.ScreenshotAsync(page, "playground-files");
        await page.ClickAsync("[data-testid=file-tab]:text-is('greet.py')");
        Assert.Equal(GreetPy, await PlaygroundPage.EditorTextAsync(page));

        await page.ClickAsync("[data-testid=run-batch]");
        Assert.Equal("Accepted", await PlaygroundPage.WaitForVerdictAsync(page));
        await PlaygroundPage.WaitForTerminalAsync(page, "Hi Ada from greet");
    }

    [Fact]
    public async Task AFileAddedInThePlaygroundIsSharedAfterTheMainFileAndARemovedOneIsNot()
    {
        var address = await app.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await PlaygroundPage.OpenAsync(page, address.ToString());

        await PlaygroundPage.AddFileAsync(page, "greet.py");
        Assert.Equal(["main.py", "greet.py"], await PlaygroundPage.FileTabsAsync(page));
        Assert.Equal("greet.py", await PlaygroundPage.SelectedFileAsync(page));
        Assert.Equal("", await PlaygroundPage.EditorTextAsync(page));
        await PlaygroundPage.ReplaceEditorTextAsync(page, GreetPy);
        await page.ClickAsync("[data-testid=file-tab]:text-is('main.py')");
        await PlaygroundPage.ReplaceEditorTextAsync(page, MainPy);
        var shared = await SharedFilesAsync(await PlaygroundPage.ShareAsync(page));

        Assert.Equal([("main.py", MainPy), ("greet.py", GreetPy)], shared);

        await page.ClickAsync("[data-testid=remove-file]");
        Assert.Equal(["main.py"], await PlaygroundPage.FileTabsAsync(page));
        Assert.Equal(MainPy, await PlaygroundPage.EditorTextAsync(page));
        Assert.Equal([("main.py", MainPy)], await SharedFilesAsync(await PlaygroundPage.ShareAsync(page)));
    }

    [Fact]
    public async Task ABadFileNameShowsWhyAndAddsNoTab()
    {
        var address = await app.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await PlaygroundPage.OpenAsync(page, address.ToString());

        foreach (var (name, why) in new[] { ("../x.py", "“..”"), ("/tmp/x.py", "relative"), ("main.py", "already"), ("  ", "Enter a file name") })
        {
            await PlaygroundPage.AddFileAsync(page, name);
            await page.WaitForSelectorAsync("[data-testid=file-message]:not([hidden])");
            Assert.Contains(why, await page.TextContentAsync("[data-testid=file-message]"));
            Assert.Equal(["main.py"], await PlaygroundPage.FileTabsAsync(page));
        }
    }

    /// <summary>The server takes at most 16 files in a snippet: the 17th is refused here, before Share would fail.</summary>
    [Fact]
    public async Task OnAPhoneSixteenFilesScrollInTheirStripAndASeventeenthIsRefused()
    {
        var address = await app.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(390, 844, phone: true);
        await PlaygroundPage.OpenAsync(page, address.ToString());

        for (var i = 1; i < 16; i++)
            await PlaygroundPage.AddFileAsync(page, $"helper_{i}.py");
        Assert.Equal(16, (await PlaygroundPage.FileTabsAsync(page)).Count);
        Assert.True(await page.EvalOnSelectorAsync<bool>("[data-testid=file-tabs]", "strip => strip.scrollWidth > strip.clientWidth"), "the tab strip scrolls");
        Assert.False(await Chromium.ScrollsHorizontallyAsync(page));

        await PlaygroundPage.AddFileAsync(page, "helper_16.py");
        await page.WaitForSelectorAsync("[data-testid=file-message]:not([hidden])");
        Assert.Contains("at most 16 files", await page.TextContentAsync("[data-testid=file-message]"));
        Assert.Equal(16, (await PlaygroundPage.FileTabsAsync(page)).Count);
        Assert.False(await Chromium.ScrollsHorizontallyAsync(page));
        await Chromium.ScreenshotAsync(page, "playground-phone-files");
    }

    private async Task<string> CreateSnippetAsync(string json)
    {
        using var http = app.CreateClient();
        var response = await http.PostJsonAsync("/api/v1/snippets", json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    /// <summary>The files of the snippet a share link points to, read back through the API: (name, content), in order.</summary>
    private async Task<(string?, string?)[]> SharedFilesAsync(string link)
    {
        var id = new Uri(link).Query.TrimStart('?').Split('=')[1];
        using var http = app.CreateClient();
        var snippet = await (await http.GetAsync($"/api/v1/snippets/{id}")).ReadJsonAsync();
        return [.. snippet.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("name").GetString(), f.GetProperty("content").GetString()))];
    }
}
