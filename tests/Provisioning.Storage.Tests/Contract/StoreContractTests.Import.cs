using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>IExtensionStore.ImportAsync: created, updated, unchanged or rejected per row, one transaction per batch, audited per batch.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    private static readonly MediaChange Defaults = MediaChange.FromFlags(null, null, null, null);

    private static ExtensionWrite ImportRow(Tenant tenant, string address, RecordingMode mode = RecordingMode.Full, MediaChange? media = null, long? userId = null) =>
        new(tenant.Id, address, mode, media ?? Defaults, userId);

    [Fact]
    public async Task ExtensionImportAsync_NewRows_AreCreatedWithEveryField()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant));
        var rows = new[]
        {
            ImportRow(tenant, "+4930100", RecordingMode.OnDemand, MediaChange.FromFlags(true, true, false, true), user.Id),
            ImportRow(tenant, "Alice@Example.com"),
        };

        var results = await Store.Extensions.ImportAsync(rows, dryRun: false, SystemActor, Ct);

        Assert.Equal([ImportResult.Created, ImportResult.Created], results);
        var first = await FindExtensionAsync(tenant, "+4930100");
        Assert.Equal((RecordingMode.OnDemand, user.Id), (first?.Mode, first?.User?.Id));
        Assert.Equal(RecordedMedia.VoiceOnly.WithAllDirections(Modality.Video).WithAllDirections(Modality.Screen), first?.Media);
        var second = await FindExtensionAsync(tenant, "alice@example.com");
        Assert.Equal(("Alice@Example.com", RecordingMode.Full, RecordedMedia.VoiceOnly), (second?.Address, second?.Mode, second?.Media));
        Assert.Null(second?.User);
    }

    [Fact]
    public async Task ExtensionImportAsync_SameRowsAgain_AreUnchangedAndAuditNothing()
    {
        var tenant = await CreateTenantAsync();
        var rows = new[] { ImportRow(tenant, "+4930200", RecordingMode.Controlled), ImportRow(tenant, "+4930201") };
        await Store.Extensions.ImportAsync(rows, dryRun: false, SystemActor, Ct);
        var audited = (await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid), 100, Ct)).Count;

        var again = await Store.Extensions.ImportAsync(rows, dryRun: false, SystemActor, Ct);

        Assert.Equal([ImportResult.Unchanged, ImportResult.Unchanged], again);
        Assert.Equal(audited, (await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid), 100, Ct)).Count);
    }

    [Fact]
    public async Task ExtensionImportAsync_RowDiffering_IsUpdatedAndKeepsTheDirectionsOfFlagsLeftOn()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant));
        var voiceIn = RecordedMedia.None.With(Modality.Voice, Direction.Incoming);
        var stored = await CreateExtensionAsync(NewExtensionWrite(tenant, "+4930300", user.Id) with { Media = MediaChange.Exactly(voiceIn) });

        var results = await Store.Extensions.ImportAsync([ImportRow(tenant, "+4930300", RecordingMode.DoNotRecord, MediaChange.FromFlags(true, false, true, false))], false, SystemActor, Ct);

        Assert.Equal([ImportResult.Updated], results);
        var found = await FindExtensionAsync(tenant, "+4930300");
        Assert.Equal((stored.Id, RecordingMode.DoNotRecord, voiceIn.WithAllDirections(Modality.Im)), (found?.Id, found?.Mode, found?.Media));
        Assert.Null(found?.User);
    }

    [Fact]
    public async Task ExtensionImportAsync_UserNotInTheEnvironment_IsRejectedAloneAndTheOthersAreWritten()
    {
        var tenant = await CreateTenantAsync();
        var foreign = await CreateUserAsync(NewUser(await CreateTenantAsync()));
        var rows = new[] { ImportRow(tenant, "+4930400"), ImportRow(tenant, "+4930401", userId: foreign.Id), ImportRow(tenant, "+4930402") };

        var results = await Store.Extensions.ImportAsync(rows, false, SystemActor, Ct);

        Assert.Equal([ImportResult.Created, ImportResult.Rejected(WriteStatus.MissingReference, StoreKey.User), ImportResult.Created], results);
        Assert.Null(await FindExtensionAsync(tenant, "+4930401"));
        Assert.NotNull(await FindExtensionAsync(tenant, "+4930402"));
    }

    [Fact]
    public async Task ExtensionImportAsync_DryRun_AnswersAsTheImportWouldAndWritesNothing()
    {
        var tenant = await CreateTenantAsync();
        await CreateExtensionAsync(NewExtensionWrite(tenant, "+4930500"));
        var audited = (await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid), 100, Ct)).Count;
        var rows = new[] { ImportRow(tenant, "+4930500"), ImportRow(tenant, "+4930501"), ImportRow(tenant, "+4930500", RecordingMode.OnDemand) };

        var results = await Store.Extensions.ImportAsync(rows, dryRun: true, SystemActor, Ct);

        Assert.Equal([ImportResult.Unchanged, ImportResult.Created, ImportResult.Updated], results);
        Assert.Null(await FindExtensionAsync(tenant, "+4930501"));
        Assert.Equal(RecordingMode.Full, (await FindExtensionAsync(tenant, "+4930500"))?.Mode);
        Assert.Equal(audited, (await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid), 100, Ct)).Count);
    }

    [Fact]
    public async Task ExtensionImportAsync_Audit_OneEntryPerEnvironmentListingCreatedAndUpdatedAddresses()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        await CreateExtensionAsync(NewExtensionWrite(tenant, "+4930600"));

        await Store.Extensions.ImportAsync(
            [ImportRow(tenant, "+4930600", RecordingMode.Controlled), ImportRow(tenant, "+4930601"), ImportRow(other, "+4930602")], false, Actor, Ct);

        var entries = await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.Extension), 100, Ct);
        var entry = Assert.Single(entries, e => e.Key == ImportedKeys.AuditKey);
        Assert.Equal(("T001:auditor", "v2:test"), (entry.Login, entry.Operation));
        Assert.Equal("{\"created\":[\"+4930601\"],\"updated\":[\"+4930600\"]}", entry.After);
        Assert.DoesNotContain("+4930602", entry.After, StringComparison.Ordinal);
        Assert.Single(await Store.Audit.ListAsync(new AuditQuery(Eid: other.Eid, Entity: AuditChange.Extension), 100, Ct));
    }

    [Fact]
    public async Task UserFindIdsByLoginAsync_SomeKnown_ReturnsThoseByFoldedLogin()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant, "Bob.Builder"));
        await CreateUserAsync(NewUser(await CreateTenantAsync(), "carol"));

        var ids = await Store.Users.FindIdsByLoginAsync(tenant.Id, ["BOB.builder", "carol", "nobody"], Ct);

        Assert.Equal(new Dictionary<string, long> { ["bob.builder"] = user.Id!.Value }, ids);
    }

    [Fact]
    public async Task ExtensionListAsync_AfterId_PagesInIdOrder()
    {
        var tenant = await CreateTenantAsync();
        var created = new List<Extension>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await CreateExtensionAsync(tenant));
        }

        var page = await Store.Extensions.ListAsync(new ExtensionQuery([tenant.Id], null, null) { AfterId = created[1].Id }, 2, Ct);

        Assert.Equal([created[2].Id, created[3].Id], page.Select(e => e.Id));
    }
}
