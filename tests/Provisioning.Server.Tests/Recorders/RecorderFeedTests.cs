using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Core.Recorders;
using Provisioning.Core.Security;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Recorders;

/// <summary>The pull feed over HTTP: SOAP v3 changes reach it at higher revisions, ETag and 304, deltas, long polls, 401s, isolation.</summary>
public sealed class RecorderFeedTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly SoapClient _v3 = shared.Server.Client(3);

    [Fact]
    public async Task Feed_SoapCreateUpdateDelete_EachAtAHigherRevisionAndInTheDelta()
    {
        var (eid, token, feed) = await TenantWithRecorderAsync();
        var start = await feed.GetAsync();

        await CallOkAsync("createExtension", token, $"<extension><eid>{eid}</eid><extensionId>a@feed</extensionId><recordingMode>ON_DEMAND</recordingMode>{Voice(1, 2)}</extension>");
        var created = await feed.GetAsync();
        await CallOkAsync("createExtension", token, $"<extension><eid>{eid}</eid><extensionId>b@feed</extensionId></extension>");
        await CallOkAsync("updateExtension", token, $"<extension><eid>{eid}</eid><extensionId>a@feed</extensionId><recordingMode>FULL</recordingMode>{Voice(3)}</extension>");
        await CallOkAsync("deleteExtension", token, $"<extension><eid>{eid}</eid><extensionId>b@feed</extensionId></extension>");
        var delta = await feed.GetAsync($"?since={created.Revision}");
        var full = await feed.GetAsync();

        Assert.Equal((HttpStatusCode.OK, "application/json"), (created.Status, created.ContentType));
        Assert.True(created.Revision > start.Revision);
        Assert.Equal($"\"{created.Revision}\"", created.ETag);
        Assert.Equal("""[{"eid":"E","address":"a@feed","recordingMode":"ON_DEMAND","media":{"voice":[1,2]},"user":null}]""".Replace("\"E\"", $"\"{eid}\"", StringComparison.Ordinal), created.Json.GetProperty("extensions").GetRawText());
        Assert.True(delta.Revision > created.Revision);
        Assert.Equal(delta.Revision, full.Revision);
        var changes = delta.Json.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("address").GetString()!, c => c);
        Assert.Equal(("upsert", "FULL", "[3]"), (changes["a@feed"].GetProperty("op").GetString(), changes["a@feed"].GetProperty("recordingMode").GetString(), changes["a@feed"].GetProperty("media").GetProperty("voice").GetRawText()));
        Assert.Equal("delete", changes["b@feed"].GetProperty("op").GetString());
        Assert.Equal(["a@feed"], full.Json.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("address").GetString()));
    }

    [Fact]
    public async Task Feed_UserRenamed_ExtensionUpsertedWithTheNewNames()
    {
        var (eid, token, feed) = await TenantWithRecorderAsync();
        var userId = await Provision.UserAsync(shared.Client, token, "owner", eid, more: $"<displayName>Old</displayName><extensions><eid>{eid}</eid><extension>u@feed</extension></extensions>");
        var before = await feed.GetAsync();

        await CallOkAsync("updateUser", token, $"<user><id>{userId}</id><eid>{eid}</eid><loginName>owner2</loginName><displayName>New</displayName><extensions><eid>{eid}</eid><extensionId>u@feed</extensionId></extensions></user>");
        var delta = await feed.GetAsync($"?since={before.Revision}");

        var user = Assert.Single(delta.Json.GetProperty("changes").EnumerateArray()).GetProperty("user");
        Assert.Equal(("owner2", "New"), (user.GetProperty("loginName").GetString(), user.GetProperty("displayName").GetString()));
    }

    [Fact]
    public async Task Get_IfNoneMatchTheCurrentRevision_NotModified()
    {
        var (_, _, feed) = await TenantWithRecorderAsync();
        var current = await feed.GetAsync();

        var again = await feed.GetAsync(ifNoneMatch: current.ETag);

        Assert.Equal((HttpStatusCode.NotModified, current.ETag, string.Empty), (again.Status, again.ETag, again.Body));
    }

    [Fact]
    public async Task Wait_ChangeCommittedDuringThePoll_AnsweredWithTheNewRevision()
    {
        var (eid, token, feed) = await TenantWithRecorderAsync();
        var current = await feed.GetAsync();

        var poll = feed.GetAsync("?wait=30", current.ETag);
        await CallOkAsync("createExtension", token, $"<extension><eid>{eid}</eid><extensionId>wake@feed</extensionId></extension>");
        var woken = await poll;

        Assert.Equal(HttpStatusCode.OK, woken.Status);
        Assert.True(woken.Revision > current.Revision);
        Assert.Contains("wake@feed", woken.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_NothingChanges_NotModifiedAtTheEnd()
    {
        var (_, _, feed) = await TenantWithRecorderAsync();
        var current = await feed.GetAsync();

        var polled = await feed.GetAsync("?wait=1", current.ETag);

        Assert.Equal((HttpStatusCode.NotModified, current.ETag), (polled.Status, polled.ETag));
    }

    [Fact]
    public async Task Feed_ChangeInAnotherEnvironment_NotSeen()
    {
        var (_, _, feed) = await TenantWithRecorderAsync();
        var (otherEid, otherToken) = await shared.TenantAsync();
        var before = await feed.GetAsync();

        await CallOkAsync("createExtension", otherToken, $"<extension><eid>{otherEid}</eid><extensionId>other@feed</extensionId></extension>");
        var after = await feed.GetAsync();

        Assert.Equal(before.Revision, after.Revision);
        Assert.DoesNotContain("other@feed", after.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applied_Revision_NoContentAndRecorded()
    {
        var (_, _, feed) = await TenantWithRecorderAsync();
        var current = await feed.GetAsync();

        var applied = await feed.AppliedAsync($"{{\"revision\": {current.Revision}}}");
        var bad = await feed.AppliedAsync("{\"revision\": \"x\"}");

        Assert.Equal(HttpStatusCode.NoContent, applied.Status);
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (bad.Status, bad.ContentType));
        var shown = await shared.Server.Services.GetRequiredService<RecorderService>().ShowAsync(Caller.System, feed.Name, CancellationToken.None);
        Assert.Equal((current.Revision, true), (shown.Value.Recorder.AppliedRevision, shown.Value.UpToDate));
        Assert.NotNull(shown.Value.Recorder.LastContact);
    }

    [Fact]
    public async Task Get_WrongMissingOrOtherRecordersSecret_UnauthorizedWithoutDetail()
    {
        var (eid, _, feed) = await TenantWithRecorderAsync();
        var other = await Recorders.AddAsync(shared.Server, Provision.Unique("rec"), eid);
        var api = shared.Server.Url(3);

        var answers = new[]
        {
            await new FeedClient(shared.Server.Http, api, "nobody", "x").GetAsync(),
            await new FeedClient(shared.Server.Http, api, "nobody", null).GetAsync(),
            await other.GetAsync(asName: (await feed.GetAsync()).Json.GetProperty("recorder").GetString()),
            await new FeedClient(shared.Server.Http, api, "nobody", "wrong").AppliedAsync("{\"revision\": 1}"),
        };

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Unauthorized, "application/problem+json"), (a.Status, a.ContentType)));
        Assert.All(answers, a => Assert.False(a.Json.TryGetProperty("detail", out _)));
    }

    private async Task<(string Eid, string Token, FeedClient Feed)> TenantWithRecorderAsync()
    {
        var (eid, token) = await shared.TenantAsync();
        return (eid, token, await Recorders.AddAsync(shared.Server, Provision.Unique("rec"), eid));
    }

    private async Task CallOkAsync(string operation, string token, string parameters)
    {
        var answer = await _v3.CallAsync(operation, $"<token>{token}</token>{parameters}");
        Assert.True(answer.StatusCode == "OK", $"{operation}: {answer.StatusCode} {answer.Message}");
    }

    private static string Voice(params int[] directions) =>
        $"<modalities><modalitiesForWS><id>voice</id>{string.Concat(directions.Select(d => $"<directionsForWS><id>{d}</id></directionsForWS>"))}</modalitiesForWS></modalities>";
}
