using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CodeRunner.Tests.Browser;
using CodeRunner.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CodeRunner.Tests.Operations;

/// <summary>
/// The dashboard in Debian's Chromium against a running cluster of two real silos on PostgreSQL
/// and a stateless frontend: it loads, shows both silos, its numbers move with the traffic, a drain
/// from the page takes effect, and a phone renders it without sideways scrolling. Screenshots go
/// to TestResults/screenshots (docs/images/dashboard.png is one of them).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DashboardBrowserTests
{
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 30_000 };

    [Fact]
    public async Task DashboardShowsTheClusterLiveDrainsASiloAndFitsAPhone()
    {
        await using var cluster = await OperationsCluster.StartAsync("a", "b");
        var (a, b) = (cluster.Silos[0], cluster.Silos[1]);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(1360, 900);
        var dashboard = new Uri(cluster.BaseAddress, "/dashboard").ToString();

        // Loads (the redirect makes it /dashboard/), shows both silos, and is live.
        await page.GotoAsync(dashboard);
        Assert.EndsWith("/dashboard/", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByTestId("silos-up")).ToHaveTextAsync("2", Live);
        await Expect(page.GetByTestId("live-status")).ToHaveTextAsync("live", Live);
        await Expect(page.GetByTestId("completed-count")).ToHaveTextAsync("0", Live);

        // Its numbers change after submissions.
        for (var i = 0; i < 6; i++)
            await cluster.RunAsync(i % 3 == 2 ? "print(1/0)" : $"print({i})");
        await Expect(page.GetByTestId("completed-count")).ToHaveTextAsync("6", Live);
        await Expect(page.GetByTestId("throughput")).Not.ToHaveTextAsync("0.00", Live);
        await Expect(page.GetByTestId("accepted-rate")).Not.ToHaveTextAsync("0.00", Live);
        await page.GetByTestId("pool-rows").Locator("tr").First.WaitForAsync();
        await Chromium.ScreenshotAsync(page, "dashboard-desktop");

        // Both silos are listed; drain one from the page.
        await page.ClickAsync("#tabs button[data-tab=silos]");
        var rowA = page.Locator($"tr[data-testid=silo-row][data-silo-name='{a.Name}']");
        var rowB = page.Locator($"tr[data-testid=silo-row][data-silo-name='{b.Name}']");
        await Expect(rowA.GetByTestId("silo-state")).ToHaveTextAsync("Up", Live);
        await Expect(rowB.GetByTestId("silo-state")).ToHaveTextAsync("Up", Live);
        await rowA.GetByTestId("drain-button").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(rowA.GetByTestId("silo-state")).ToHaveTextAsync("Draining", Live);
        await Expect(rowB.GetByTestId("silo-state")).ToHaveTextAsync("Up", Live);
        await Chromium.ScreenshotAsync(page, "dashboard-silos-draining");

        // The drained silo stops claiming: its readiness says so, and new work all runs on the other.
        using (var probe = new HttpClient())
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync($"http://127.0.0.1:{a.Port}/health/ready")).StatusCode);
        var siloA = (await cluster.SiloAsync(a)).GetProperty("siloId").GetString();
        var claimedByA = (await cluster.SiloAsync(a)).GetProperty("claimed").GetInt64();
        for (var i = 0; i < 4; i++)
        {
            var done = await cluster.RunAsync("print('after drain')");
            var detail = await cluster.Http.GetFromJsonAsync<JsonElement>($"/api/v1/admin/submissions/{done.GetProperty("id").GetString()}");
            Assert.NotEqual(siloA, detail.GetProperty("submission").GetProperty("siloId").GetString());
        }
        Assert.Equal(claimedByA, (await cluster.SiloAsync(a)).GetProperty("claimed").GetInt64());

        // The submissions list, paged on the server, and one submission's lifecycle.
        await page.ClickAsync("#tabs button[data-tab=submissions]");
        await Expect(page.GetByTestId("submission-row")).ToHaveCountAsync(10, new() { Timeout = 30_000 });
        await page.GetByTestId("submission-row").First.ClickAsync();
        await Expect(page.GetByTestId("lifecycle")).ToContainTextAsync("Claimed", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("lifecycle")).ToContainTextAsync("ran in", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("lifecycle")).ToContainTextAsync("Completed");
        await Chromium.ScreenshotAsync(page, "dashboard-submissions");

        // A phone: no sideways scroll on the overview, or on the silos' table (cards there).
        var phone = await chromium.NewPageAsync(390, 844, phone: true);
        await phone.GotoAsync(dashboard);
        await Expect(phone.GetByTestId("completed-count")).ToHaveTextAsync("10", Live);
        Assert.False(await Chromium.ScrollsHorizontallyAsync(phone), "the overview scrolls sideways on a phone");
        await Chromium.ScreenshotAsync(phone, "dashboard-phone");
        await phone.ClickAsync("#tabs button[data-tab=silos]");
        await Expect(phone.Locator($"tr[data-testid=silo-row][data-silo-name='{a.Name}']").GetByTestId("silo-state")).ToHaveTextAsync("Draining", Live);
        Assert.False(await Chromium.ScrollsHorizontallyAsync(phone), "the silos' view scrolls sideways on a phone");
        await Chromium.ScreenshotAsync(phone, "dashboard-phone-silos");
    }
}
