using System.Net;
using Provisioning.Server.Tests.Durability;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Recorders;

/// <summary>
/// Two server processes on one PostgreSQL database: a long poll on one is woken by a change committed on the other
/// (through LISTEN/NOTIFY), and both tell the same revision. Skipped locally without PROVISIONING_TEST_PG.
/// </summary>
public sealed class RecorderScaleOutTests(TwoServers servers) : IClassFixture<TwoServers>
{
    [SkippableFact]
    public async Task Wait_OnOneInstance_WokenByAChangeOnTheOther()
    {
        var (a, b) = servers.Require();
        var name = Provision.Unique("rec");
        var feedB = await Recorders.AddAsync("Postgres", servers.ConnectionString, servers.Http, b.Url, name, "0000");
        var current = await feedB.GetAsync();

        var poll = feedB.GetAsync("?wait=30", current.ETag);
        var address = Provision.Unique("wake") + "@scale";
        await Provision.ExtensionAsync(a, await a.TokenAsync(), address);
        var woken = await poll;
        var onA = await new FeedClient(servers.Http, a.Url, name, feedB.Secret).GetAsync($"?since={current.Revision}");

        Assert.Equal(HttpStatusCode.OK, woken.Status);
        Assert.True(woken.Revision > current.Revision);
        Assert.Contains(address, woken.Body, StringComparison.Ordinal);
        Assert.Equal(woken.Revision, onA.Revision);
        Assert.Contains(address, onA.Body, StringComparison.Ordinal);
    }
}
