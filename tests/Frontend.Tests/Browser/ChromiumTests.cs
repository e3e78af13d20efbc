using Microsoft.Playwright;

namespace CodeRunner.Tests.Browser;

/// <summary>The browser the page tests stand on: Debian's Chromium, driven by Playwright, against a page the Frontend serves.</summary>
public sealed class ChromiumTests(StatelessFrontend app) : IClassFixture<StatelessFrontend>
{
    [Fact]
    public async Task DebiansChromiumLoadsAPageServedByTheFrontend()
    {
        app.UseKestrel(0);
        app.StartServer();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        var response = await page.GotoAsync(new Uri(app.ClientOptions.BaseAddress, "/api-docs/index.html").ToString());
        Assert.Equal(200, response!.Status);
        Assert.Contains("Chrome/", await page.EvaluateAsync<string>("() => navigator.userAgent"));
        Assert.True(File.Exists(await Chromium.ScreenshotAsync(page, "api-docs")));
    }
}
