using Microsoft.Extensions.DependencyInjection;
using Provisioning.Core.Security;
using Provisioning.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Provisioning.Server.Tests.Security;

/// <summary>
/// A burst of wrong passwords for one login on one server (the test store, SQLite by default): no more than the
/// threshold of them is checked, the right password is refused after them, and another client address (forwarded by a
/// trusted proxy) is not locked out; a forwarded address from a peer that is not a known proxy is not believed.
/// </summary>
public sealed class LoginBurstTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RequestToken_FortyConcurrentWrong_ChecksAtMostFiveAndLocksOnlyThatAddress()
    {
        // A long hash wait: no attempt is turned away busy on a slow machine, so exactly the threshold is checked.
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Provisioning:Security:HashWait"] = "00:05:00" });
        var (client, login) = (server.Client(), await NewUserAsync(server));
        var counts = server.Services.GetRequiredService<LoginCounts>();
        var before = LoginFigures.Of(counts);

        var wrong = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => RequestAsync(client, login, "wrong"))));
        var right = await RequestAsync(client, login, "right");
        using var proxied = Forwarding("203.0.113.77");
        var elsewhere = await RequestAsync(new SoapClient(proxied, server.Url(), 2), login, "right");

        var figures = LoginFigures.Of(counts) - before;
        output.WriteLine($"40 wrong on one instance, then the right one, then from a second address: {figures}");
        Assert.All(wrong, x => Assert.Equal("ERROR_GENERAL", x.StatusCode));
        Assert.Equal("ERROR_GENERAL", right.StatusCode);
        Assert.Equal("OK", elsewhere.StatusCode);
        Assert.Equal(new LoginFigures(1, 5, 36, 0), figures);
    }

    [Fact]
    public async Task RequestToken_ForwardedForFromAPeerNotAKnownProxy_IsNotBelieved()
    {
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Provisioning:ForwardedHeaders:KnownProxies"] = "" });
        var login = await NewUserAsync(server);
        for (var i = 0; i < 5; i++)
        {
            await RequestAsync(server.Client(), login, "wrong");
        }

        using var proxied = Forwarding("203.0.113.78");
        var claimed = await RequestAsync(new SoapClient(proxied, server.Url(), 2), login, "right");

        Assert.Equal("ERROR_GENERAL", claimed.StatusCode);
    }

    private static async Task<string> NewUserAsync(TestServer server)
    {
        var client = server.Client();
        var login = Provision.Unique("burst").ToLowerInvariant();
        await Provision.UserAsync(client, await client.TokenAsync(), login, more: $"<passwordHash>{Provision.Md5("right")}</passwordHash>", roles: "<roles>Administrator</roles>");
        return login;
    }

    private static Task<SoapAnswer> RequestAsync(SoapClient client, string login, string password) =>
        client.CallAsync("requestToken", $"<eid>0000</eid><loginName>{login}</loginName><password>{password}</password>");

    private static HttpClient Forwarding(string address)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return http;
    }
}
