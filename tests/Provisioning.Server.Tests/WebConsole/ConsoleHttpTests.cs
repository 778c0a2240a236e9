using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Core.Audit;
using Provisioning.Core.Storage;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.WebConsole;

/// <summary>The console's protections seen by a plain HTTP client: anti-forgery, cookie flags, headers, the listener it is on.</summary>
public sealed partial class ConsoleHttpTests(SharedServer shared) : IClassFixture<SharedServer>
{
    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        using var client = await SignedInClientAsync();
        var eid = shared.RandomEid();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Eid"] = eid, ["ShortName"] = "forged-" + eid });
        using var answer = await client.PostAsync(Url("/environments"), form);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(await shared.Server.Services.GetRequiredService<IProvisioningStore>().Tenants.FindByEidAsync(eid, default));
    }

    [Fact]
    public async Task Post_EnvironmentCreated_IsAuditedAsWebActor()
    {
        using var client = await SignedInClientAsync();
        var eid = shared.RandomEid();
        var (antiforgery, _) = await FormTokenAsync(client, "/environments");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__form"] = antiforgery, ["Eid"] = eid, ["ShortName"] = "web-" + eid });
        using var answer = await client.PostAsync(Url("/environments"), form);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var entries = await shared.Server.Services.GetRequiredService<IProvisioningStore>().Audit.ListAsync(new AuditQuery(Eid: eid), 10, default);
        var created = Assert.Single(entries, e => e.Operation == "web:createEnvironment");
        Assert.Equal("web:0000:" + TestServer.AdminLogin, created.Login);
    }

    [Fact]
    public async Task SignIn_RightPassword_SetsAStrictHttpOnlyCookieAndNoTokenInThePage()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(handler);
        var (antiforgery, _) = await FormTokenAsync(client, "/signin");
        using var answer = await client.PostAsync(Url("/signin"), SignInForm(antiforgery));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var cookie = Assert.Single(answer.Headers.GetValues("Set-Cookie"), c => c.StartsWith("provisioning-console=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/console", cookie, StringComparison.OrdinalIgnoreCase);
        var overview = await client.GetStringAsync(Url("/"));
        Assert.DoesNotContain(TestServer.AdminPassword, overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_CarryAPolicyWithoutInlineScriptOrStyle()
    {
        using var client = await SignedInClientAsync();
        using var answer = await client.GetAsync(Url("/extensions"));
        var policy = string.Join(";", answer.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(InlineScriptOrStyle(), html);
    }

    [Fact]
    public async Task Console_OnAnApiListener_IsNotServed()
    {
        using var client = new HttpClient();
        using var answer = await client.GetAsync(new Uri(shared.Server.Url(), "/console/signin"));
        Assert.NotEqual(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task Page_NotSignedIn_RedirectsToSignIn()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler);
        using var answer = await client.GetAsync(Url("/extensions"));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith("/console/signin", answer.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private Uri Url(string path) => shared.Server.ManagementUrl("/console" + path);

    private async Task<HttpClient> SignedInClientAsync()
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        var client = new HttpClient(handler, disposeHandler: true);
        var (antiforgery, _) = await FormTokenAsync(client, "/signin");
        using var answer = await client.PostAsync(Url("/signin"), SignInForm(antiforgery));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return client;
    }

    private async Task<(string Token, string Html)> FormTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(Url(path));
        return (FormToken().Match(html).Groups[1].Value, html);
    }

    private static FormUrlEncodedContent SignInForm(string antiforgery) => new(new Dictionary<string, string>
    {
        ["__form"] = antiforgery,
        ["eid"] = "0000",
        ["login"] = TestServer.AdminLogin,
        ["password"] = TestServer.AdminPassword,
    });

    [GeneratedRegex("name=\"__form\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=""|\son[a-z]+=""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptOrStyle();
}
