using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.WebConsole;

/// <summary>
/// One server and one headless Chromium for all console browser tests of a class; each test opens its own browser
/// context (its own cookies). The browser starts on first use, so without Chromium the tests skip (<see cref="TestChromium"/>).
/// </summary>
public sealed partial class ConsoleBrowser : IAsyncLifetime
{
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SharedServer Shared { get; } = new();

    public TestServer Server => Shared.Server;

    /// <summary>Where each page's screenshot is kept: artifacts/console/ under the test output folder.</summary>
    public static string Artifacts { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "console");

    public string Base => Server.ManagementUrl("/console").ToString().TrimEnd('/');

    public Task InitializeAsync() => Shared.InitializeAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        _launch.Dispose();
        await Shared.DisposeAsync();
    }

    /// <summary>A fresh page in a context of its own.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public async Task<IPage> SignedInAsync(string eid = "0000", string login = TestServer.AdminLogin, string password = TestServer.AdminPassword)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, eid, login, password);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    public async Task SignInAsync(IPage page, string eid, string login, string password)
    {
        await page.GotoAsync(Base + "/signin");
        await page.GetByLabel("Environment (eid)").FillAsync(eid);
        await page.GetByLabel("Login").FillAsync(login);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Saves the page's screenshot as an artifact and checks it with axe-core: no serious or critical violation.</summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Artifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });
        var result = await page.RunAxe();
        var grave = result.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(grave.Length == 0, $"{name}: " + string.Join("; ", grave.Select(Describe)));
    }

    private static string Describe(AxeResultItem v) =>
        $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}";

    private async Task<IBrowser> BrowserAsync()
    {
        var chromium = TestChromium.Require();
        await _launch.WaitAsync();
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            // Root in a container has no user namespace for Chromium's sandbox; the pages are our own.
            return _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        }
        finally
        {
            _launch.Release();
        }
    }

    [GeneratedRegex(@"/console/extensions/edit/(\d+)")]
    public static partial Regex ExtensionLink();
}
