using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Core.Storage;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Recorders;

/// <summary>Each on a server of its own: pruning the change log moves the horizon for every recorder, and logs are read whole.</summary>
public sealed class RecorderHistoryTests
{
    [Fact]
    public async Task Since_OlderThanTheKeptHistory_Gone()
    {
        await using var server = await TestServer.StartAsync();
        var feed = await Recorders.AddAsync(server, "rec-h", "0000");
        var token = await server.Client().TokenAsync();
        await Provision.ExtensionAsync(server.Client(), token, "+4930100");
        await Provision.ExtensionAsync(server.Client(), token, "+4930101");
        var before = await feed.GetAsync();

        var pruned = await server.Services.GetRequiredService<IProvisioningStore>().Recorders.Reads.PruneChangesAsync(1, CancellationToken.None);
        var gone = await feed.GetAsync("?since=0");
        var kept = await feed.GetAsync($"?since={before.Revision}");

        Assert.Equal(1, pruned);
        Assert.Equal((HttpStatusCode.Gone, "application/problem+json"), (gone.Status, gone.ContentType));
        Assert.Equal((HttpStatusCode.OK, before.Revision), (kept.Status, kept.Revision));
    }

    [Fact]
    public async Task Feed_SecretInUse_NeverLogged()
    {
        var logs = new LogSink();
        await using var server = await TestServer.StartAsync(logs: logs);
        var feed = await Recorders.AddAsync(server, "rec-l", "0000");

        await feed.GetAsync();
        await feed.GetAsync("?since=0");
        await feed.AppliedAsync("{\"revision\": 0}");
        await new FeedClient(server.Http, server.Url(3), "rec-l", "wrong-" + feed.Secret).GetAsync();

        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(feed.Secret!, logs.All, StringComparison.Ordinal);
    }
}
