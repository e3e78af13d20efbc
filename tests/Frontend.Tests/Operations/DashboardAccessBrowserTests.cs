using System.Collections.Concurrent;
using CodeRunner.Tests.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CodeRunner.Tests.Operations;

/// <summary>
/// The dashboard behind a path-stripping proxy (Playwright plays the ingress: /coderun/… in the
/// browser is /… at the frontend), with keys on: the page asks for a key and shows data only for
/// an operator's.
/// </summary>
public sealed class DashboardAccessBrowserTests
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 20_000 };

    [Fact]
    public async Task DashboardWorksBehindAPathPrefixAndShowsDataOnlyForAnOperatorKey()
    {
        // Short streams: the fake ingress below hands each one to the page whole, once it has ended.
        await using var app = new OperatorFrontend(new Dictionary<string, string> { ["Operations:MaxStream"] = "00:00:02" });
        app.UseKestrel(0);
        app.StartServer();
        var origin = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        var requested = new ConcurrentBag<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.RouteAsync($"{origin}/**", async route =>
        {
            var url = route.Request.Url;
            if (!url.StartsWith($"{origin}/coderun/", StringComparison.Ordinal))
            {
                await route.AbortAsync(); // outside the prefix: an ingress would not send it to us
                return;
            }
            // Fetched and handed back as the answer to the prefixed URL, as a proxy does.
            var upstream = origin + url[$"{origin}/coderun".Length..];
            var response = await route.FetchAsync(new RouteFetchOptions { Url = upstream, });
            await route.FulfillAsync(new RouteFulfillOptions { Response = response });
        });

        // Playwright does not route the request a redirect leads to, so this starts at /dashboard/;
        // that /dashboard redirects relatively is AdminApiTests' to prove.
        await page.GotoAsync($"{origin}/coderun/dashboard/");

        // No key: the page loads, and asks for one.
        await Expect(page.GetByTestId("key-dialog")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // An editor's key is not an operator's: still no data.
        await page.GetByTestId("key-input").FillAsync(OperatorFrontend.EditorKey);
        await page.GetByTestId("key-save").ClickAsync();
        await Expect(page.GetByTestId("key-dialog")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("silos-up")).ToHaveTextAsync("–", Soon);

        // An operator's key: live data.
        await page.GetByTestId("key-input").FillAsync(OperatorFrontend.OperatorKey);
        await page.GetByTestId("key-save").ClickAsync();
        await Expect(page.GetByTestId("key-dialog")).Not.ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("silos-up")).ToHaveTextAsync("0", Soon);
        await Expect(page.GetByTestId("completed-count")).ToHaveTextAsync("0", Soon);
        await Chromium.ScreenshotAsync(page, "dashboard-behind-prefix");

        Assert.All(requested, url => Assert.StartsWith($"{origin}/coderun/", url, StringComparison.Ordinal));
        Assert.Contains(requested, url => url.EndsWith("/coderun/assets/dashboard.js", StringComparison.Ordinal));
        Assert.Contains(requested, url => url.Contains("/coderun/api/v1/admin/", StringComparison.Ordinal));
    }
}
