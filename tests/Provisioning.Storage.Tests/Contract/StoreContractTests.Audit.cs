using System.Globalization;
using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

public abstract partial class StoreContractTests<TFixture>
{
    private static AuditActor Actor => new(T0, "T001:auditor", 42, "v2:test");

    /// <summary>An extension write that names its environment by id only, as these tests always have: the store reads the created one back.</summary>
    private static ExtensionWrite UnnamedExtensionWrite(Tenant tenant, string address) => NewExtensionWrite(tenant, address) with { Tenant = default };

    [SkippableFact]
    public async Task Audit_ChangesUnderAnActor_AreRecordedInOrderWithBeforeAndAfter()
    {
        var tenant = await CreateTenantAsync();
        var write = UnnamedExtensionWrite(tenant, "audit@x");
        var created = AssertOk(await Store.Extensions.CreateAsync(write, Actor, Ct));
        AssertOk(await Store.Extensions.UpdateAsync(new ExtensionKey(tenant.Id, created.Id, null), write with { Mode = RecordingMode.Controlled }, Actor, Ct));
        AssertOk(await Store.Extensions.DeleteAsync(new ExtensionKey(tenant.Id, created.Id, null), Actor, Ct));

        var entries = await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.Extension), 100, Ct);

        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal((T0, "T001:auditor", (long?)42, "v2:test", "audit@x"), (e.At, e.Login, e.TokenId, e.Operation, e.Key)));
        Assert.Equal([false, true, true], entries.Select(e => e.Before is not null));
        Assert.Equal([true, true, false], entries.Select(e => e.After is not null));
        Assert.Contains("\"controlled\"", entries[1].After, StringComparison.Ordinal);
        Assert.True(entries[0].Id < entries[1].Id && entries[1].Id < entries[2].Id);
    }

    [SkippableFact]
    public async Task Audit_CreateAndUpdate_RecordTheCreatedValueWithoutItsKeyAndOnlyTheChangedFields()
    {
        var tenant = await CreateTenantAsync();
        var created = AssertOk(await Store.Extensions.CreateAsync(NewExtensionWrite(tenant, "+4930700"), Actor, Ct));
        var key = new ExtensionKey(tenant.Id, created.Id, null);
        AssertOk(await Store.Extensions.UpdateAsync(key, NewExtensionWrite(tenant, "+4930700") with { Mode = RecordingMode.OnDemand }, Actor, Ct));

        var entries = await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.Extension), 100, Ct);

        var id = created.Id!.Value.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(
            [(null, $"{{\"id\":{id},\"mode\":\"full\",\"media\":[\"voice\"]}}"), ($"{{\"id\":{id},\"mode\":\"full\"}}", $"{{\"id\":{id},\"mode\":\"onDemand\"}}")],
            entries.Select(e => (e.Before, e.After)));
    }

    [SkippableFact]
    public async Task Audit_AddressChanged_RecordsBothAddressesWithThePlusSignAsIs()
    {
        var tenant = await CreateTenantAsync();
        var created = AssertOk(await Store.Extensions.CreateAsync(NewExtensionWrite(tenant, "+4930701"), Actor, Ct));

        AssertOk(await Store.Extensions.UpdateAsync(new ExtensionKey(tenant.Id, created.Id, null), NewExtensionWrite(tenant, "+4930702"), Actor, Ct));

        var update = (await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.Extension), 100, Ct))[^1];
        var id = created.Id!.Value.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(("+4930702", $"{{\"id\":{id},\"address\":\"+4930701\"}}", $"{{\"id\":{id},\"address\":\"+4930702\"}}"), (update.Key, update.Before, update.After));
    }

    [SkippableFact]
    public async Task Audit_UserFieldSetAndCleared_RecordsNullWhereItWasEmpty()
    {
        var tenant = await CreateTenantAsync();
        var user = AssertOk(await Store.Users.CreateAsync(WriteOf(new User { TenantId = tenant.Id, LoginName = "diffed", DisplayName = "Jürgen" }, null), Actor, Ct));

        AssertOk(await Store.Users.UpdateAsync(WriteOf(user with { DisplayName = null, Email = "j+audit@example.com" }, null), Actor, Ct));

        var update = (await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.User), 100, Ct))[^1];
        var id = user.Id!.Value.ToString(CultureInfo.InvariantCulture);
        Assert.Equal($"{{\"id\":{id},\"displayName\":\"Jürgen\",\"email\":null}}", update.Before);
        Assert.Equal($"{{\"id\":{id},\"email\":\"j+audit@example.com\",\"displayName\":null}}", update.After);
    }

    [SkippableFact]
    public async Task Audit_CreatedAndDeletedAtTheDefaults_ReadWholeWithEveryField_AndTheChainVerifies()
    {
        // SQLite stores such a value without "mode" and "media" (docs/AUDIT.md, "Size"): it must still read, and hash, whole.
        var tenant = await CreateTenantAsync();
        var atDefaults = AssertOk(await Store.Extensions.CreateAsync(NewExtensionWrite(tenant, "+4930710"), Actor, Ct));
        var other = AssertOk(await Store.Extensions.CreateAsync(NewExtensionWrite(tenant, "+4930711") with { Mode = RecordingMode.OnDemand }, Actor, Ct));
        AssertOk(await Store.Extensions.DeleteAsync(new ExtensionKey(tenant.Id, atDefaults.Id, null), Actor, Ct));

        var entries = await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.Extension), 100, Ct);

        var (id, otherId) = (atDefaults.Id!.Value.ToString(CultureInfo.InvariantCulture), other.Id!.Value.ToString(CultureInfo.InvariantCulture));
        var whole = $"{{\"id\":{id},\"mode\":\"full\",\"media\":[\"voice\"]}}";
        Assert.Equal(
            [("+4930710", null, whole), ("+4930711", null, $"{{\"id\":{otherId},\"mode\":\"onDemand\",\"media\":[\"voice\"]}}"), ("+4930710", whole, null)],
            entries.Select(e => (e.Key, e.Before, e.After)));
        Assert.All(entries, e => Assert.Equal((T0, tenant.Eid, "T001:auditor", (long?)42, "v2:test", AuditChange.Extension), (e.At, e.Eid, e.Login, e.TokenId, e.Operation, e.Entity)));
        await Store.Audit.SealAsync(Ct);
        var verification = await AuditLog.VerifyAsync(Store.Audit, Ct);
        Assert.Null(verification.Break);
    }

    [SkippableFact]
    public async Task Audit_RefusedWrite_RecordsNothing()
    {
        var tenant = await CreateTenantAsync();
        AssertOk(await Store.Extensions.CreateAsync(UnnamedExtensionWrite(tenant, "twice@x"), Actor, Ct));

        AssertStatus(WriteStatus.Duplicate, StoreKey.Extension, await Store.Extensions.CreateAsync(UnnamedExtensionWrite(tenant, "TWICE@x"), Actor, Ct));

        Assert.Single(await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.Extension), 100, Ct));
    }

    [SkippableFact]
    public async Task Audit_EveryAuditedKind_RecordsItsNaturalKey()
    {
        var tenant = await CreateTenantAsync(actor: Actor);
        var user = AssertOk(await Store.Users.CreateAsync(WriteOf(new User { TenantId = tenant.Id, LoginName = "keyed" }, null), Actor, Ct));
        AssertOk(await Store.Groups.CreateAsync(new Group { TenantId = tenant.Id, Name = "Keyed group" }, Actor, Ct));
        AssertOk(await Store.Users.DeleteAsync(user.Id!.Value, Actor, Ct));

        var entries = await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid), 100, Ct);

        Assert.Equal(
            [(AuditChange.Environment, tenant.Eid!), (AuditChange.User, "keyed"), (AuditChange.Group, "Keyed group"), (AuditChange.User, "keyed")],
            entries.Select(e => (e.Entity, e.Key)));
        Assert.Null(entries[^1].After);
    }

    [SkippableFact]
    public async Task Audit_AfterIdAndLimit_PageThroughTheLog()
    {
        var tenant = await CreateTenantAsync();
        for (var i = 0; i < 5; i++)
        {
            AssertOk(await Store.Extensions.CreateAsync(UnnamedExtensionWrite(tenant, $"page{i}@x"), Actor, Ct));
        }

        var first = await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.Extension), 2, Ct);
        var rest = await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.Extension, AfterId: first[^1].Id), 100, Ct);

        Assert.Equal(["page0@x", "page1@x"], first.Select(e => e.Key));
        Assert.Equal(["page2@x", "page3@x", "page4@x"], rest.Select(e => e.Key));
    }
}
