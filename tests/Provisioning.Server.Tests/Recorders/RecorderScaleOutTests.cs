using System.Net;
using Npgsql;
using Provisioning.Server.Tests.Durability;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Recorders;

/// <summary>
/// Two server processes on one PostgreSQL database: a long poll on one is woken by a change committed on the other
/// (through LISTEN/NOTIFY), and both tell the same revision; a read held up by an older open transaction answers all the
/// same. Skipped locally without PROVISIONING_TEST_PG.
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

    [SkippableFact]
    public async Task Get_OlderTransactionStillOpen_SettledRevisionAtTheBoundThenTheChange()
    {
        var (a, b) = servers.Require();
        var feed = await Recorders.AddAsync("Postgres", servers.ConnectionString, servers.Http, b.Url, Provision.Unique("rec"), "0000");
        var token = await a.TokenAsync();
        var before = await feed.GetAsync();
        await using var older = new NpgsqlConnection(servers.ConnectionString);
        await older.OpenAsync();
        await using var open = await older.BeginTransactionAsync();
        await using (var xid = new NpgsqlCommand("SELECT pg_current_xact_id()", older, open))
        {
            await xid.ExecuteScalarAsync();
        }

        var address = Provision.Unique("held") + "@scale";
        await Provision.ExtensionAsync(a, token, address);
        var held = await feed.GetAsync(ifNoneMatch: before.ETag);
        await open.CommitAsync();
        var settled = await feed.GetAsync(ifNoneMatch: before.ETag);

        Assert.Equal((HttpStatusCode.NotModified, before.ETag), (held.Status, held.ETag));
        Assert.Equal(HttpStatusCode.OK, settled.Status);
        Assert.True(settled.Revision > before.Revision);
        Assert.Contains(address, settled.Body, StringComparison.Ordinal);
    }
}
