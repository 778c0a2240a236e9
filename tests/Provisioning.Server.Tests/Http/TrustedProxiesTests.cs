using System.Net;
using Microsoft.AspNetCore.Http;
using Provisioning.Hosting;
using Provisioning.Server.Http;

namespace Provisioning.Server.Tests.Http;

/// <summary>Who the client is behind known proxies, and that nobody else can choose it.</summary>
public sealed class TrustedProxiesTests
{
    private static readonly TrustedProxies Loopback = TrustedProxies.From(new ForwardedHeadersSettings());

    [Fact]
    public void ClientAddress_UntrustedPeer_IgnoresForwardedFor()
    {
        var context = Request("203.0.113.9", "198.51.100.1");

        Assert.Equal(IPAddress.Parse("203.0.113.9"), Loopback.ClientAddress(context));
    }

    [Fact]
    public void ClientAddress_TrustedPeer_TakesNearestUntrustedHop()
    {
        var context = Request("127.0.0.1", "198.51.100.1, 203.0.113.7, 127.0.0.1");

        Assert.Equal(IPAddress.Parse("203.0.113.7"), Loopback.ClientAddress(context));
    }

    [Fact]
    public void ClientAddress_TrustedPeerWithoutHeader_IsThePeer()
    {
        var context = Request("::ffff:127.0.0.1", null);

        Assert.Equal(IPAddress.Parse("127.0.0.1"), Loopback.ClientAddress(context));
    }

    [Fact]
    public void ClientAddress_GarbageHop_StopsAtTheLastBelievedAddress()
    {
        var context = Request("127.0.0.1", "198.51.100.1, unknown");

        Assert.Equal(IPAddress.Parse("127.0.0.1"), Loopback.ClientAddress(context));
    }

    [Fact]
    public void IsTrusted_CidrNetwork_CoversItsAddressesOnly()
    {
        var proxies = TrustedProxies.From(new ForwardedHeadersSettings { KnownProxies = "10.0.0.0/8, 2001:db8::1" });

        Assert.True(proxies.IsTrusted(IPAddress.Parse("10.1.2.3")));
        Assert.True(proxies.IsTrusted(IPAddress.Parse("::ffff:10.1.2.3")));
        Assert.True(proxies.IsTrusted(IPAddress.Parse("2001:db8::1")));
        Assert.False(proxies.IsTrusted(IPAddress.Parse("11.0.0.1")));
        Assert.False(proxies.IsTrusted(IPAddress.Parse("127.0.0.1")));
    }

    [Fact]
    public void From_EntryThatIsNoAddress_NamesTheSetting()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TrustedProxies.From(new ForwardedHeadersSettings { KnownProxies = "127.0.0.1,proxy.local" }));

        Assert.Contains(TrustedProxies.Setting, e.Message, StringComparison.Ordinal);
        Assert.Contains("proxy.local", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void ThrottleKey_Address_IPv4ItselfIPv6ItsSlash64(string address, string key)
    {
        Assert.Equal(key, TrustedProxies.ThrottleKey(IPAddress.Parse(address)));
    }

    private static DefaultHttpContext Request(string peer, string? forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }
        return context;
    }
}
