using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Provisioning.Hosting;
using Provisioning.Server.Hosting;
using Provisioning.Server.Http;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Http;

/// <summary>
/// The address the WSDL and the service page name: Provisioning:PublicUrl, else X-Forwarded-* from known proxies
/// (the test client on 127.0.0.1 is one by default), else the request's Host.
/// </summary>
public sealed class PublicAddressTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private static readonly XNamespace WsdlSoap = "http://schemas.xmlsoap.org/wsdl/soap/";

    [Fact]
    public async Task Wsdl_PublicUrlSet_NamesItPerVersion()
    {
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Provisioning:PublicUrl"] = "https://soap.example.net/api/v{version}/provisioning",
            ["Provisioning:PublicUrls:3"] = "https://v3.example.net:8443/provisioning",
        });

        var v2 = await AddressAsync(server.Http, server.Url(2), ("X-Forwarded-Host", "ignored.example.org"));
        var v3 = await AddressAsync(server.Http, server.Url(3));
        var page = await server.Http.GetStringAsync(server.Url(2));

        Assert.Equal(("https://soap.example.net/api/v2/provisioning", "https://v3.example.net:8443/provisioning"), (v2, v3));
        Assert.Contains("https://soap.example.net/api/v2/provisioning?wsdl", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wsdl_TrustedProxyHeaders_NameTheClientsAddress()
    {
        var address = await AddressAsync(
            shared.Server.Http,
            shared.Client.Url,
            ("X-Forwarded-Proto", "https, http"),
            ("X-Forwarded-Host", "api.example.net, provisioning_v2"),
            ("X-Forwarded-Port", "8443"),
            ("X-Forwarded-Prefix", "/soap/"));

        Assert.Equal("https://api.example.net:8443/soap/provisioning", address);
    }

    [Theory]
    [InlineData("api.example.net", "443", "https://api.example.net/provisioning")]
    [InlineData("[2001:db8::7]:8443", null, "https://[2001:db8::7]:8443/provisioning")]
    [InlineData("api.example.net:7002", null, "https://api.example.net:7002/provisioning")]
    public async Task Wsdl_ForwardedHostForms_DefaultPortLeftOut(string host, string? port, string expected)
    {
        var headers = new List<(string, string)> { ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", host) };
        if (port is not null)
        {
            headers.Add(("X-Forwarded-Port", port));
        }

        Assert.Equal(expected, await AddressAsync(shared.Server.Http, shared.Client.Url, [.. headers]));
    }

    [Fact]
    public async Task Wsdl_UntrustedPeer_IgnoresForwardedHeaders()
    {
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Provisioning:ForwardedHeaders:KnownProxies"] = "10.0.0.0/8" });

        var address = await AddressAsync(server.Http, server.Url(), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "evil.example.org"), ("X-Forwarded-Prefix", "/x"));

        Assert.Equal(server.Url().ToString(), address);
    }

    [Theory]
    [InlineData("X-Forwarded-Host", "evil\"><injected/><x a=\"")]
    [InlineData("X-Forwarded-Host", "a.example.net/<injected/>")]
    [InlineData("X-Forwarded-Prefix", "/p\"/><injected/>")]
    [InlineData("X-Forwarded-Prefix", "no-slash")]
    [InlineData("X-Forwarded-Proto", "javascript")]
    [InlineData("X-Forwarded-Port", "99999")]
    public async Task Wsdl_HostileForwardedValue_IgnoredAndMarkupUnchanged(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(shared.Client.Url + "?wsdl"));
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await shared.Server.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        var wsdl = XDocument.Parse(text);
        Assert.Equal(shared.Client.Url.ToString(), wsdl.Descendants(WsdlSoap + "address").Single().Attribute("location")!.Value);
        Assert.DoesNotContain("injected", text, StringComparison.Ordinal);
    }

    [Fact]
    public void From_PortPlaceholder_IsPortRangeStartPlusVersion()
    {
        var settings = new ProvisioningSettings { PortRangeStart = 7000, PublicUrl = "http://balancer.example.net:{port}/provisioning" };

        var address = PublicAddress.From(settings, [2, 3], ListenTemplate.Parse(settings.UrlTemplate), TrustedProxies.From(settings.ForwardedHeaders));

        Assert.Equal(
            ("http://balancer.example.net:7002/provisioning", "http://balancer.example.net:7003/provisioning"),
            (address.For(new DefaultHttpContext(), 2), address.For(new DefaultHttpContext(), 3)));
    }

    [Theory]
    [InlineData("balancer.example.net/provisioning", "Provisioning:PublicUrl")]
    [InlineData("ftp://balancer.example.net/provisioning", "Provisioning:PublicUrl")]
    [InlineData("https://balancer.example.net/{versoin}/provisioning", "Provisioning:PublicUrl")]
    [InlineData("https://balancer.example.net/provisioning?x=1", "Provisioning:PublicUrl")]
    public void From_NotAnAbsoluteHttpUrl_StartErrorNamingTheSetting(string value, string setting)
    {
        var settings = new ProvisioningSettings { PublicUrl = value };

        var e = Assert.Throws<InvalidOperationException>(() => PublicAddress.From(settings, [2], ListenTemplate.Parse(settings.UrlTemplate), TrustedProxies.From(settings.ForwardedHeaders)));

        Assert.StartsWith($"{setting} '{value}' must be an absolute http(s) URL", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void From_PerVersionEntryThatIsNoVersion_StartErrorNamingIt()
    {
        var settings = new ProvisioningSettings { PublicUrls = { ["v2"] = "https://x.example.net/provisioning" } };

        var e = Assert.Throws<InvalidOperationException>(() => PublicAddress.From(settings, [2], ListenTemplate.Parse(settings.UrlTemplate), TrustedProxies.From(settings.ForwardedHeaders)));

        Assert.StartsWith("Provisioning:PublicUrls has the entry 'v2'", e.Message, StringComparison.Ordinal);
    }

    private static async Task<string> AddressAsync(HttpClient http, Uri url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url + "?wsdl"));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var wsdl = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return wsdl.Descendants(WsdlSoap + "address").Single().Attribute("location")!.Value;
    }
}
