using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Core.Audit;
using Provisioning.Core.Storage;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Recorders;

/// <summary>A server whose pushes time out after three seconds, beside recorders that receive them.</summary>
public sealed class ApplyServer : IAsyncLifetime
{
    private int _eids;

    public TestServer Server { get; private set; } = null!;

    public PushReceiver Receiver { get; private set; } = null!;

    public string AdminToken { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Provisioning:Recorders:PushTimeout"] = "00:00:03" });
        Receiver = await PushReceiver.StartAsync();
        AdminToken = await Server.Client(3).TokenAsync();
    }

    public async Task DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>A new environment with one extension, and a token of an Administrator confined to it.</summary>
    public async Task<(string Eid, string Token)> TenantAsync()
    {
        var eid = $"A{Interlocked.Increment(ref _eids):000}";
        var client = Server.Client(3);
        await Provision.EnvironmentAsync(client, AdminToken, eid);
        await Provision.ExtensionAsync(client, AdminToken, $"+4930{eid}", eid);
        return (eid, await Provision.AdministratorTokenAsync(client, AdminToken, eid, "admin-" + eid));
    }
}

/// <summary>
/// applyExtensionConfiguration on v2 and v3 (spec §7): pushes signed with the recorder's secret, recorders that pull,
/// the flags, unknown locations, failing push URLs, rights, and the audit trail.
/// </summary>
public sealed class ApplyExtensionConfigurationTests(ApplyServer fixture) : IClassFixture<ApplyServer>
{
    private TestServer Server => fixture.Server;

    private PushReceiver Receiver => fixture.Receiver;

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Apply_PushAccepted_SignedFullConfigurationDeliveredAndMarkedApplied(int version)
    {
        var (eid, token) = await fixture.TenantAsync();
        var name = Provision.Unique("push");
        var feed = await Recorders.AddPushedAsync(Server, name, Receiver.Url($"/accept/{name}"), eid);
        var current = (await feed.GetAsync()).Revision;

        var answer = await ApplyAsync(version, token, force: true, successes: true);

        var status = Assert.Single(Statuses(answer));
        Assert.Equal(
            (eid, name, $"configuration revision {current} delivered", current.ToString(), "true"),
            (status.Eid, status.Location, status.Message, status.Revision, status.Success));
        var push = Assert.Single(Receiver.Received[name]);
        Assert.Equal((current.ToString(), "application/json"), (push.Revision, push.ContentType));
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(feed.Secret!));
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, push.Body)), push.Signature);
        var pushed = JsonDocument.Parse(push.Body).RootElement;
        Assert.Equal((name, current), (pushed.GetProperty("recorder").GetString(), pushed.GetProperty("revision").GetInt64()));
        Assert.Equal((await feed.GetAsync()).Json.GetProperty("extensions").GetRawText(), pushed.GetProperty("extensions").GetRawText());

        var again = await ApplyAsync(version, token, force: false, successes: true);

        Assert.Equal($"up to date at revision {current}, not sent", Assert.Single(Statuses(again)).Message);
        Assert.Single(Receiver.Received[name]);
    }

    [Fact]
    public async Task Apply_UpToDateAndOnlyFailuresAsked_NothingReportedNothingSent()
    {
        var (eid, token) = await fixture.TenantAsync();
        var name = Provision.Unique("quiet");
        await Recorders.AddPushedAsync(Server, name, Receiver.Url($"/accept/{name}"), eid);
        await ApplyAsync(3, token, force: true, successes: false);

        var answer = await ApplyAsync(3, token, force: false, successes: false);

        Assert.Equal("OK", answer.StatusCode);
        Assert.Empty(Statuses(answer));
        Assert.Single(Receiver.Received[name]);
    }

    [Fact]
    public async Task Apply_PushUrlsThatFail_EachAFailedStatusAndTheCallOk()
    {
        var (eid, token) = await fixture.TenantAsync();
        var refusing = PushReceiver.Refusing();
        var failing = Receiver.Url("/fail/x");
        await Recorders.AddPushedAsync(Server, "refuse-" + eid, refusing, eid);
        await Recorders.AddPushedAsync(Server, "fail-" + eid, failing, eid);
        await Recorders.AddPushedAsync(Server, "hang-" + eid, Receiver.Url("/hang/x"), eid);

        var answer = await ApplyAsync(3, token, force: true, successes: false);

        Assert.Equal("OK", answer.StatusCode);
        var statuses = Statuses(answer).ToDictionary(s => s.Location!);
        Assert.Equal(3, statuses.Count);
        Assert.All(statuses.Values, s => Assert.Equal("false", s.Success));
        Assert.Equal($"connection refused by {refusing}", statuses["refuse-" + eid].Message);
        Assert.Equal($"{failing} answered 500 Internal Server Error", statuses["fail-" + eid].Message);
        Assert.Equal("timed out after 3 s", statuses["hang-" + eid].Message);
    }

    [Fact]
    public async Task Apply_RecorderThatPulls_WokenAndSuccessOnceItReportsTheRevisionApplied()
    {
        var (eid, token) = await fixture.TenantAsync();
        var feed = await Recorders.AddAsync(Server, "pull-" + eid, eid);
        await Recorders.AddAsync(Server, "idle-" + eid, eid);
        var current = await feed.GetAsync();
        // The recorder long-polls; the command line then changes its configuration from outside the server (on SQLite
        // no commit of another process wakes a poll), and the call's announcement is what wakes it.
        var recorder = Task.Run(async () =>
        {
            var seen = await feed.GetAsync("?wait=30", current.ETag);
            await feed.AppliedAsync($$"""{"revision":{{seen.Revision}}}""");
            return seen;
        });
        Assert.Equal(0, (await Recorders.CliAsync(Server, "extensions", "create", eid, "+49pulled" + eid)).Exit);

        var answer = await ApplyAsync(3, token, force: false, successes: true);
        var seen = await recorder;

        Assert.True(seen.Revision > current.Revision);
        var statuses = Statuses(answer).ToDictionary(s => s.Location!);
        Assert.Equal(
            ($"revision {seen.Revision} fetched and applied by the recorder", "true"),
            (statuses["pull-" + eid].Message, statuses["pull-" + eid].Success));
        Assert.Equal(
            ($"no push URL: revision {seen.Revision} announced, not applied within 3 s (it has reported no revision)", "false"),
            (statuses["idle-" + eid].Message, statuses["idle-" + eid].Success));
    }

    [Fact]
    public async Task Apply_TheseServersOnly_OnlyThoseAndUnknownLocationsAsFailures()
    {
        var (eid, token) = await fixture.TenantAsync();
        var chosen = "chosen-" + eid;
        var other = "other-" + eid;
        await Recorders.AddPushedAsync(Server, chosen, Receiver.Url($"/accept/{chosen}"), eid);
        await Recorders.AddPushedAsync(Server, other, Receiver.Url($"/accept/{other}"), eid);

        var answer = await ApplyAsync(3, token, force: true, successes: true, Location(eid, chosen.ToUpperInvariant()), Location(eid, "nowhere"), Location(null, chosen));

        Assert.Equal("OK", answer.StatusCode);
        var statuses = Statuses(answer);
        Assert.Equal(2, statuses.Count);
        Assert.Equal((eid, chosen.ToUpperInvariant(), "true"), (statuses[0].Eid, statuses[0].Location, statuses[0].Success));
        Assert.Equal((eid, "nowhere", $"no recorder named nowhere records environment {eid}", null, "false"), (statuses[1].Eid, statuses[1].Location, statuses[1].Message, statuses[1].Revision, statuses[1].Success));
        Assert.True(Receiver.Received.ContainsKey(chosen));
        Assert.False(Receiver.Received.ContainsKey(other));
    }

    [Fact]
    public async Task Apply_Administrator_ReachesOnlyRecordersOfItsEnvironment()
    {
        var (eid, token) = await fixture.TenantAsync();
        var (otherEid, _) = await fixture.TenantAsync();
        var foreign = "foreign-" + otherEid;
        await Recorders.AddPushedAsync(Server, foreign, Receiver.Url($"/accept/{foreign}"), otherEid);
        await Recorders.AddPushedAsync(Server, "everything-" + eid, Receiver.Url($"/accept/everything-{eid}"), "0000");

        var all = await ApplyAsync(3, token, force: true, successes: true);
        var byName = await ApplyAsync(3, token, force: true, successes: true, Location(eid, foreign));
        var otherEnvironment = await ApplyAsync(3, token, force: true, successes: true, Location(otherEid, foreign));

        Assert.Equal("OK", all.StatusCode);
        Assert.Empty(Statuses(all));
        Assert.Equal($"no recorder named {foreign} records environment {eid}", Assert.Single(Statuses(byName)).Message);
        Assert.Equal(("ERROR_UNAUTHORIZED", "Permission denied."), (otherEnvironment.StatusCode, otherEnvironment.Message));
        Assert.False(Receiver.Received.ContainsKey(foreign));
        Assert.False(Receiver.Received.ContainsKey("everything-" + eid));
    }

    [Fact]
    public async Task Apply_LocationMissing_IllegalArgumentAndNothingSent()
    {
        var (eid, token) = await fixture.TenantAsync();
        var name = "missing-" + eid;
        await Recorders.AddPushedAsync(Server, name, Receiver.Url($"/accept/{name}"), eid);

        var answer = await ApplyAsync(3, token, force: true, successes: true, Location(eid, name), Location(eid, null));

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", "theseServersOnly.location is mandatory"), (answer.StatusCode, answer.Message));
        Assert.False(Receiver.Received.ContainsKey(name));
    }

    [Fact]
    public async Task Apply_DocumentedAllServersRequest_AnsweredInTheReferenceShape()
    {
        var (eid, _) = await fixture.TenantAsync();
        var name = "golden-" + eid;
        await Recorders.AddPushedAsync(Server, name, Receiver.Url($"/accept/{name}"), eid);
        var request = Infrastructure.Golden.Read("v2/applyExtensionConfiguration.all-servers.request.xml")
            .Replace("piyyOvWeg64IXskLzVMutqxikakzLV5D", fixture.AdminToken, StringComparison.Ordinal);

        var answer = await Server.Client(2).PostAsync(request);

        Assert.Equal(200, answer.HttpStatus);
        Assert.StartsWith(
            "<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><ns2:applyExtensionConfigurationResponse xmlns:ns2=\"http://v2.provisioning.ws.web.verba.com/\"><return><status><statusCode>OK</statusCode></status><statuses><eid>",
            answer.Body,
            StringComparison.Ordinal);
        var mine = Assert.Single(Statuses(answer), s => s.Location == name);
        Assert.Equal((eid, "true"), (mine.Eid, mine.Success));
        Assert.Matches(@"<statuses><eid>[^<]*</eid><location>[^<]*</location><message>[^<]*</message>(<revision>\d+</revision>)?<success>(true|false)</success></statuses>", answer.Body);
    }

    [Fact]
    public async Task Apply_EachRecorderReported_AuditedAsTheCallerWithTheOutcome()
    {
        var (eid, token) = await fixture.TenantAsync();
        var name = "audited-" + eid;
        await Recorders.AddPushedAsync(Server, name, PushReceiver.Refusing(), eid);

        await ApplyAsync(3, token, force: true, successes: false);

        var entries = await Server.Services.GetRequiredService<IProvisioningStore>().Audit.ListAsync(new AuditQuery(Eid: eid, Entity: AuditChange.Recorder), 100, CancellationToken.None);
        var entry = Assert.Single(entries, e => e.Operation == "v3:applyExtensionConfiguration");
        Assert.Equal(($"{eid}:admin-{eid}", name, null), (entry.Login, entry.Key, entry.Before));
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.Equal((name, false), (after.GetProperty("name").GetString(), after.GetProperty("success").GetBoolean()));
        Assert.StartsWith("connection refused by", after.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CliApply_NamedRecorders_EachReportedAndExitOneWhenOneFailed()
    {
        var (eid, _) = await fixture.TenantAsync();
        var accepting = "cli-ok-" + eid;
        var refusing = "cli-refused-" + eid;
        await Recorders.AddPushedAsync(Server, accepting, Receiver.Url($"/accept/{accepting}"), eid);
        await Recorders.AddPushedAsync(Server, refusing, PushReceiver.Refusing(), eid);

        var one = await Recorders.CliAsync(Server, "recorders", "apply", accepting, "--json");
        var both = await Recorders.CliAsync(Server, "recorders", "apply", accepting, refusing, "--json");

        Assert.True(one.Exit == 0, one.Output);
        var delivered = Assert.Single(JsonDocument.Parse(one.Output).RootElement.EnumerateArray());
        Assert.Equal((accepting, true), (delivered.GetProperty("name").GetString(), delivered.GetProperty("success").GetBoolean()));
        Assert.Single(Receiver.Received[accepting]);
        Assert.Equal(1, both.Exit);
        var reported = JsonDocument.Parse(both.Output[..(both.Output.LastIndexOf(']') + 1)]).RootElement.EnumerateArray().ToArray();
        Assert.Equal(
            [(accepting, true, "up to date"), (refusing, false, "connection refused by")],
            reported.Select(r => (r.GetProperty("name").GetString(), r.GetProperty("success").GetBoolean(), string.Join(' ', r.GetProperty("message").GetString()!.Split(' ').Take(3)))));
    }

    private Task<SoapAnswer> ApplyAsync(int version, string token, bool force, bool successes, params string[] locations) =>
        Server.Client(version).CallAsync(
            "applyExtensionConfiguration",
            $"<token>{token}</token>{string.Concat(locations)}<returnSuccessfulStatuses>{(successes ? 1 : 0)}</returnSuccessfulStatuses><forceEvenIfNotRegistered>{(force ? "true" : "false")}</forceEvenIfNotRegistered>");

    private static string Location(string? eid, string? location) =>
        "<theseServersOnly>" + (eid is null ? string.Empty : $"<eid>{eid}</eid>") + (location is null ? string.Empty : $"<location>{location}</location>") + "</theseServersOnly>";

    private static List<Status> Statuses(SoapAnswer answer) =>
        answer.Return?.Elements("statuses").Select(s => new Status(
            s.Element("eid")?.Value, s.Element("location")?.Value, s.Element("message")?.Value, s.Element("revision")?.Value, s.Element("success")?.Value)).ToList() ?? [];

    private sealed record Status(string? Eid, string? Location, string? Message, string? Revision, string? Success);
}
