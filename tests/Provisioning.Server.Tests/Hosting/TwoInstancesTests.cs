using System.Net;
using System.Net.Sockets;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Hosting;

/// <summary>Two instances on one host with different port ranges need no other setting: the management port follows the range.</summary>
public sealed class TwoInstancesTests
{
    [Fact]
    public async Task Start_TwoServersWithDifferentPortRanges_BothServeApiAndManagement()
    {
        var first = FreePortRange();
        var second = FreePortRange(except: first);

        await using var one = await TestServer.StartAsync(Range(first));
        await using var two = await TestServer.StartAsync(Range(second));

        foreach (var (server, start) in new[] { (one, first), (two, second) })
        {
            Assert.Equal(new Uri($"http://127.0.0.1:{start + 2}/provisioning"), server.Url(2));
            Assert.Equal(new Uri($"http://127.0.0.1:{start + 80}/healthz"), server.ManagementUrl("/healthz"));
            using var health = await server.Http.GetAsync(server.ManagementUrl("/healthz"));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.NotEmpty(await server.Client().TokenAsync());
        }
    }

    // Management:Port left unset (TestServer's default is 0), so it follows PortRangeStart.
    private static Dictionary<string, string?> Range(int start) => new()
    {
        ["Provisioning:PortRangeStart"] = start.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Provisioning:Management:Port"] = null,
    };

    /// <summary>A start whose ports +2, +3 and +80 are all free on loopback now (found by binding them).</summary>
    private static int FreePortRange(int except = -1)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var start = ((IPEndPoint)probe.LocalEndPoint!).Port - 2;
            probe.Close();
            if (start > 1024 && start + 80 < IPEndPoint.MaxPort && Math.Abs(start - except) > 100 && new[] { 2, 3, 80 }.All(offset => IsFree(start + offset)))
            {
                return start;
            }
        }
        throw new InvalidOperationException("No free port range found on loopback.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
