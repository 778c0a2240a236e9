using Microsoft.Extensions.DependencyInjection;
using Provisioning.Core.Storage;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Operations;

/// <summary>createEnvironment's archiveAtAgeHours, deleteAtAgeHours and archivePath: the default storage of spec §8, made with the environment or not at all.</summary>
public sealed class EnvironmentStorageTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private SoapClient _client = null!;
    private string _token = null!;
    private int _eids;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Provisioning:Storage:ArchiveRoot"] = "/srv/media/" });
        _client = _server.Client(3);
        _token = await _client.TokenAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CreateEnvironment_ArchiveAndDeleteHours_DefaultFolderUnderTheRootAndTwoPolicies()
    {
        var eid = NextEid();

        var created = await CreateAsync(eid, "<archiveAtAgeHours>24</archiveAtAgeHours><deleteAtAgeHours>720</deleteAtAgeHours>");

        Assert.Equal("OK", created.StatusCode);
        var folder = (await _client.CallAsync("listStorageFoldersByEid", $"<token>{_token}</token><eid>{eid}</eid>")).Return!.Elements("storageFolders").Single();
        Assert.Equal(("Default archive", $"/srv/media/archive/Env {eid}", "local"), (folder.Element("name")!.Value, folder.Element("path")!.Value, folder.Element("type")!.Value));
        var policies = (await _client.CallAsync("listStoragePoliciesByEid", $"<token>{_token}</token><eid>{eid}</eid>")).Return!.Elements("storagePolicies").ToList();
        Assert.Equal(
            [("Default archive", "archive", "1440", folder.Element("id")!.Value), ("Default delete", "delete", "43200", null)],
            policies.Select(p => (p.Element("name")!.Value, p.Element("action")!.Value, p.Element("olderThanMinutes")!.Value, p.Element("storageFolder")?.Element("id")!.Value)));
    }

    [Fact]
    public async Task CreateEnvironment_ArchivePathGiven_FolderThereAndNoDeletePolicy()
    {
        var eid = NextEid();

        await CreateAsync(eid, "<archiveAtAgeHours>0</archiveAtAgeHours><archivePath>\\\\nas\\calls</archivePath>");

        var folder = (await _client.CallAsync("listStorageFoldersByEid", $"<token>{_token}</token><eid>{eid}</eid>")).Return!.Elements("storageFolders").Single();
        Assert.Equal("\\\\nas\\calls", folder.Element("path")!.Value);
        var policies = (await _client.CallAsync("listStoragePoliciesByEid", $"<token>{_token}</token><eid>{eid}</eid>")).Return!.Elements("storagePolicies");
        Assert.Equal([("Default archive", "0")], policies.Select(p => (p.Element("name")!.Value, p.Element("olderThanMinutes")!.Value)));
    }

    [Fact]
    public async Task UpdateEnvironment_AfterCreateWithRetention_RetentionKept()
    {
        var eid = NextEid();
        await CreateAsync(eid, "<archiveAtAgeHours>24</archiveAtAgeHours><deleteAtAgeHours>720</deleteAtAgeHours><archivePath>/nas/calls</archivePath>");

        var updated = await _client.CallAsync("updateEnvironment", $"<token>{_token}</token><environment><eid>{eid}</eid><shortName>Env {eid}</shortName><displayName>Renamed</displayName></environment>");

        Assert.Equal("OK", updated.StatusCode);
        var stored = await _server.Services.GetRequiredService<IProvisioningStore>().Tenants.FindByEidAsync(eid, CancellationToken.None);
        Assert.Equal(("Renamed", 24, 720, "/nas/calls"), (stored!.DisplayName, stored.ArchiveAtAgeHours, stored.DeleteAtAgeHours, stored.ArchivePath));
    }

    [Fact]
    public async Task CreateEnvironment_WithoutHoursOrPath_NoStorage()
    {
        var eid = NextEid();

        await CreateAsync(eid, string.Empty);

        Assert.Equal("ERROR_NOT_FOUND", (await _client.CallAsync("listStorageFoldersByEid", $"<token>{_token}</token><eid>{eid}</eid>")).StatusCode);
        Assert.Equal("ERROR_NOT_FOUND", (await _client.CallAsync("listStoragePoliciesByEid", $"<token>{_token}</token><eid>{eid}</eid>")).StatusCode);
    }

    [Theory]
    [InlineData("<archiveAtAgeHours>-1</archiveAtAgeHours>", "archiveAtAgeHours '-1' is not valid: must not be negative")]
    [InlineData("<archiveAtAgeHours>24</archiveAtAgeHours><deleteAtAgeHours>-5</deleteAtAgeHours>", "deleteAtAgeHours '-5' is not valid: must not be negative")]
    [InlineData("<deleteAtAgeHours>35791395</deleteAtAgeHours>", "deleteAtAgeHours '35791395' is not valid: at most 35791394 hours are allowed")]
    public async Task CreateEnvironment_BadHours_IllegalArgumentAndNothingCreated(string more, string message)
    {
        var eid = NextEid();

        var answer = await CreateAsync(eid, more);

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", message), (answer.StatusCode, answer.Message));
        Assert.Equal("ERROR_NOT_FOUND", (await _client.CallAsync("getEnvironmentByEid", $"<token>{_token}</token><eid>{eid}</eid>")).StatusCode);
    }

    [Fact]
    public async Task CreateEnvironment_HoursNotANumber_ClientFaultAndNothingCreated()
    {
        var eid = NextEid();

        var answer = await CreateAsync(eid, "<archiveAtAgeHours>a day</archiveAtAgeHours>");

        Assert.Equal((500, "S:Client"), (answer.HttpStatus, answer.FaultCode));
        Assert.Contains("archiveAtAgeHours", answer.FaultString, StringComparison.Ordinal);
        Assert.Equal("ERROR_NOT_FOUND", (await _client.CallAsync("getEnvironmentByEid", $"<token>{_token}</token><eid>{eid}</eid>")).StatusCode);
    }

    private Task<SoapAnswer> CreateAsync(string eid, string more) =>
        _client.CallAsync("createEnvironment", $"<token>{_token}</token><environment><eid>{eid}</eid><shortName>Env {eid}</shortName></environment>{more}");

    private string NextEid() => $"S{Interlocked.Increment(ref _eids):000}";
}
