using CodeRunner.Frontend.Auth;

namespace CodeRunner.Tests.Browser;

/// <summary>The playground in front of a service that requires an API key (a cluster frontend; no silo needed).</summary>
public sealed class PlaygroundKeyTests
{
    [Fact]
    public async Task WhereAKeyIsRequiredThePlaygroundAsksForItThenUsesItAndSharesWithIt()
    {
        const string key = "crk_playground-key";
        await using var app = new ConfiguredFrontend(new Dictionary<string, string>
        {
            ["Auth:Keys:0:Name"] = "playground",
            ["Auth:Keys:0:Sha256"] = ApiKeys.Hash(key),
        });
        app.UseKestrel(0);
        app.StartServer();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();

        var response = await page.GotoAsync(app.ClientOptions.BaseAddress.ToString());
        Assert.Equal(200, response!.Status);
        await page.WaitForSelectorAsync("[data-testid=status][data-kind=bad]");
        Assert.True(await page.IsVisibleAsync("[data-testid=api-key]"), "the key field is open");
        await PlaygroundPage.WaitForTerminalAsync(page, "An API key is required");

        await page.FillAsync("[data-testid=api-key]", key);
        await page.PressAsync("[data-testid=api-key]", "Tab"); // leaving the field commits it
        await page.WaitForSelectorAsync("body[data-ready=true]");
        await page.ClickAsync("[data-testid=share]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=share-link]').value.includes('?s=')");

        Assert.Equal(key, await page.EvaluateAsync<string>("() => localStorage.getItem('coderun.apiKey')"));
        await Chromium.ScreenshotAsync(page, "playground-api-key");
    }
}
