using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Provisioning.Core.Audit;
using Provisioning.Core.Import;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;
using Provisioning.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Provisioning.Server.Tests.WebConsole;

/// <summary>The console driven in headless Chromium: sign-in, changes through the forms, search, import, tenant isolation.</summary>
public sealed class ConsoleBrowserTests(ConsoleBrowser console) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task SignIn_WrongPasswordThenLockedOut_RefusedAsRequestToken()
    {
        var (eid, _) = await console.Shared.TenantAsync();
        var login = "admin-" + eid;
        var page = await console.NewPageAsync();
        await console.SignInAsync(page, eid, login, "wrong");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(Failures.LoginFailed.Message);
        await ConsoleBrowser.CheckPageAsync(page, "signin-refused");
        for (var i = 0; i < 4; i++)
        {
            await console.SignInAsync(page, eid, login, "wrong");
        }
        // Five wrong passwords lock the login out from this address: the right one is refused too, as requestToken refuses it.
        await console.SignInAsync(page, eid, login, "pw");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(Failures.LoginFailed.Message);
        Assert.EndsWith("/console/signin", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_CreateEnvironmentUserAndExtension_StoredAndAuditedAsWeb()
    {
        var eid = console.Shared.RandomEid();
        var page = await console.SignedInAsync();
        await ConsoleBrowser.CheckPageAsync(page, "overview");

        await page.GotoAsync(console.Base + "/environments");
        await page.GetByLabel("Eid (four characters)").FillAsync(eid);
        await page.GetByLabel("Short name").FillAsync("web-" + eid);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Environment {eid} created.");
        await ConsoleBrowser.CheckPageAsync(page, "environment");

        await page.GotoAsync(console.Base + "/users/edit?eid=" + eid);
        await page.GetByLabel("Login", new() { Exact = true }).FillAsync("agent");
        await page.GetByLabel("Password").FillAsync("agent-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"User agent saved in {eid}.");
        await ConsoleBrowser.CheckPageAsync(page, "user");

        await page.GotoAsync(console.Base + "/extensions/edit?eid=" + eid);
        await page.GetByLabel("Address").FillAsync("+4930555");
        await page.GetByLabel("Recording mode").SelectOptionAsync("ON_DEMAND");
        await page.GetByLabel("User login (optional)").FillAsync("agent");
        await ConsoleBrowser.CheckPageAsync(page, "extension-create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "+4930555" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "agent", Exact = true })).ToBeVisibleAsync();

        var stored = await console.Server.Services.GetRequiredService<IProvisioningStore>().Extensions.ListAsync(
            new ExtensionQuery(null, new TextMatch("+4930555", true), null), 10, default);
        Assert.Equal(Core.Model.RecordingMode.OnDemand, Assert.Single(stored, e => e.Tenant.Eid == eid).Mode);

        await page.GotoAsync(console.Base + "/audit?eid=" + eid);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "web:createExtension" })).ToContainTextAsync("web:0000:admin");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "web:createUser" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "web:createEnvironment" })).ToHaveCountAsync(1);
        await ConsoleBrowser.CheckPageAsync(page, "audit");
    }

    [Fact]
    public async Task Form_RefusedByCore_ShowsTheApiMessageNextToTheField()
    {
        var (eid, _) = await console.Shared.TenantAsync();
        var page = await console.SignedInAsync();
        await page.GotoAsync(console.Base + "/extensions/edit?eid=" + eid);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.Locator("#Address-error")).ToHaveTextAsync("extension.extensionId is mandatory");
        await ConsoleBrowser.CheckPageAsync(page, "extension-invalid");
    }

    [Fact]
    public async Task Extensions_SearchAmong100000_FindsByAddressUserAndModeAndPagesOn()
    {
        var (eid, _) = await console.Shared.TenantAsync();
        await FillAsync(eid, 100_000);
        var page = await console.SignedInAsync();

        await page.GotoAsync(console.Base + "/extensions?eid=" + eid + "&address=0031415");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "+49300031415" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 shown.");

        await page.GotoAsync(console.Base + "/extensions?eid=" + eid);
        await page.GetByLabel("Address contains").FillAsync("99");
        await page.GetByLabel("Recording mode").SelectOptionAsync("DO_NOT_RECORD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var modes = await page.Locator("tbody tr td:nth-child(4)").AllInnerTextsAsync();
        Assert.Equal(50, modes.Count);
        Assert.All(modes, m => Assert.Equal("DO_NOT_RECORD", m));
        var firstPage = await page.Locator("tbody tr td:nth-child(1)").AllInnerTextsAsync();
        await ConsoleBrowser.CheckPageAsync(page, "extensions");

        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        var secondPage = await page.Locator("tbody tr td:nth-child(1)").AllInnerTextsAsync();
        Assert.True(long.Parse(secondPage[0], CultureInfo.InvariantCulture) > long.Parse(firstPage[^1], CultureInfo.InvariantCulture));
        Assert.All(await page.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync(), a => Assert.Contains("99", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extension_EditedThenDeleted_ChangesTheStore()
    {
        var (eid, _) = await console.Shared.TenantAsync();
        await Provision.ExtensionAsync(console.Shared.Client, await console.Shared.AdminTokenAsync(), "+4940100", eid);
        var page = await console.SignedInAsync();
        await page.GotoAsync(console.Base + "/extensions?eid=" + eid);
        await page.GetByRole(AriaRole.Link, new() { Name = "+4940100" }).ClickAsync();
        await page.GetByLabel("Address").FillAsync("+4940101");
        await page.GetByLabel("video").CheckAsync();
        await ConsoleBrowser.CheckPageAsync(page, "extension-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "+4940101" })).ToContainTextAsync("voice, video");

        await page.GetByRole(AriaRole.Link, new() { Name = "+4940101" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete extension +4940101" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("deleted");
        var left = await console.Server.Services.GetRequiredService<IProvisioningStore>().Extensions.ListAsync(
            new ExtensionQuery(null, new TextMatch("+494010", false), null), 10, default);
        Assert.DoesNotContain(left, e => e.Tenant.Eid == eid);
    }

    [Fact]
    public async Task Import_CsvWithThreeBadLines_ImportsTheRestAndListsThem()
    {
        var (eid, _) = await console.Shared.TenantAsync();
        var csv = new StringBuilder("eid,extension,recordingMode\n");
        for (var i = 0; i < 20; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{eid},+4950{i:D3},FULL\n");
        }
        csv.Append(CultureInfo.InvariantCulture, $"{eid},+4950900,SOMETIMES\n");
        csv.Append(CultureInfo.InvariantCulture, $"{eid},,FULL\n");
        csv.Append("ZZZ9,+4950901,FULL\n");
        var page = await console.SignedInAsync();
        await page.GotoAsync(console.Base + "/extensions/import");
        await ConsoleBrowser.CheckPageAsync(page, "import");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "extensions.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Last).ToContainTextAsync("Finished:");
        Assert.Empty(await page.GetByRole(AriaRole.Alert).AllInnerTextsAsync());
        await Expect(page.GetByRole(AriaRole.Status).Last).ToContainTextAsync("Finished: 23 rows: 20 created, 0 updated, 0 unchanged, 3 rejected.");
        var lines = await page.Locator("tbody tr td:nth-child(1)").AllInnerTextsAsync();
        Assert.Equal(["22", "23", "24"], lines);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "SOMETIMES" })).ToHaveCountAsync(1);
        await ConsoleBrowser.CheckPageAsync(page, "import-finished");
    }

    [Fact]
    public async Task ImportUsers_CsvWithThreeBadLines_ImportsTheRestAuditedAsWeb()
    {
        var (eid, _) = await console.Shared.TenantAsync();
        var csv = new StringBuilder("eid,loginName,displayName,extensions\n")
            .Append(CultureInfo.InvariantCulture, $"{eid},imported-a,A,+4952001|+4952002\n")
            .Append(CultureInfo.InvariantCulture, $"{eid},imported-b,B,\n")
            .Append(CultureInfo.InvariantCulture, $"{eid},,Nobody,\n")
            .Append("ZZZ9,imported-c,C,\n")
            .Append(CultureInfo.InvariantCulture, $"{eid},Imported-A,Again,\n");
        var page = await console.SignedInAsync();
        await page.GotoAsync(console.Base + "/users/import");
        await ConsoleBrowser.CheckPageAsync(page, "users-import");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "users.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Last).ToContainTextAsync("Finished: 5 rows: 2 created, 0 updated, 0 unchanged, 3 rejected.");
        Assert.Equal(["4", "5", "6"], await page.Locator("tbody tr td:nth-child(1)").AllInnerTextsAsync());
        var store = console.Server.Services.GetRequiredService<IProvisioningStore>();
        var audited = await store.Audit.ListAsync(new AuditQuery(Eid: eid, Entity: AuditChange.User), 10, default);
        var imported = audited.Where(e => e.Operation == "web:importUsers").ToArray();
        Assert.NotEmpty(imported);
        Assert.All(imported, e => Assert.Equal("web:0000:admin", e.Login));
        await ConsoleBrowser.CheckPageAsync(page, "users-import-finished");
    }

    [Fact]
    public async Task Administrator_AnotherEnvironmentByUrl_IsRefused()
    {
        var (own, _) = await console.Shared.TenantAsync();
        var (other, _) = await console.Shared.TenantAsync();
        var adminToken = await console.Shared.AdminTokenAsync();
        await Provision.ExtensionAsync(console.Shared.Client, adminToken, "+4960100", other);
        var otherId = (await console.Server.Services.GetRequiredService<IProvisioningStore>().Extensions.ListAsync(
            new ExtensionQuery(null, new TextMatch("+4960100", true), null), 10, default)).Single(e => e.Tenant.Eid == other).Id;
        var page = await console.SignedInAsync(own, "admin-" + own, "pw");
        await ConsoleBrowser.CheckPageAsync(page, "overview-administrator");

        foreach (var path in new[] { "/environments/edit/" + other, "/extensions/edit/" + otherId, "/extensions?eid=" + other, "/users?eid=" + other, "/audit?eid=" + other, "/tokens", "/recorders" })
        {
            var response = await page.GotoAsync(console.Base + path);
            Assert.True(response!.Status == 403, $"{path}: {response.Status}");
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Permission denied.");
        }
        await ConsoleBrowser.CheckPageAsync(page, "refused");
        var own200 = await page.GotoAsync(console.Base + "/environments/edit/" + own);
        Assert.Equal(200, own200!.Status);
    }

    [Fact]
    public async Task EveryPage_SystemAdministrator_RendersAccessibly()
    {
        var page = await console.SignedInAsync();
        foreach (var (path, name) in new[]
        {
            ("/environments", "environments"), ("/users", "users"), ("/users/edit?eid=0000", "user-create"), ("/groups", "groups"),
            ("/recorders", "recorders"), ("/tokens", "tokens"), ("/audit", "audit-all"),
        })
        {
            var response = await page.GotoAsync(console.Base + path);
            Assert.Equal(200, response!.Status);
            await ConsoleBrowser.CheckPageAsync(page, name);
        }
        await page.GotoAsync(console.Base + "/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await ConsoleBrowser.CheckPageAsync(page, "signin");
    }

    /// <summary>Fills an environment through Core's importer, as a CSV import would, without the browser.</summary>
    private async Task FillAsync(string eid, int count)
    {
        var importer = console.Server.Services.GetRequiredService<ExtensionImporter>();
        var modes = new[] { "FULL", "ON_DEMAND", "DO_NOT_RECORD" };
        var records = Enumerable.Range(0, count).Select(i => new ExtensionRecord(i + 2, eid, $"+4930{i:D7}", modes[i % 3], null, null, null, null, null));
        var summary = await importer.ImportAsync(Caller.System, records, new ImportOptions(), _ => { }, null, default);
        Assert.Equal(count, summary.Created);
    }
}
