using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

public abstract partial class StoreContractTests<TFixture>
{
    private static AuditActor Actor => new(T0, "T001:auditor", 42, "v2:test");

    [SkippableFact]
    public async Task Audit_ChangesUnderAnActor_AreRecordedInOrderWithBeforeAndAfter()
    {
        var tenant = await CreateTenantAsync();
        using (AuditContext.Begin(Actor))
        {
            var created = AssertOk(await Store.Extensions.CreateAsync(new Extension { TenantId = tenant.Id, Address = "audit@x" }, Ct));
            AssertOk(await Store.Extensions.UpdateAsync(new ExtensionKey(tenant.Id, created.Id, null), created with { Mode = RecordingMode.Controlled }, Ct));
            AssertOk(await Store.Extensions.DeleteAsync(new ExtensionKey(tenant.Id, created.Id, null), Ct));
        }

        var entries = await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.Extension), 100, Ct);

        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal((T0, "T001:auditor", (long?)42, "v2:test", "audit@x"), (e.At, e.Login, e.TokenId, e.Operation, e.Key)));
        Assert.Equal([false, true, true], entries.Select(e => e.Before is not null));
        Assert.Equal([true, true, false], entries.Select(e => e.After is not null));
        Assert.Contains("\"controlled\"", entries[1].After, StringComparison.Ordinal);
        Assert.True(entries[0].Id < entries[1].Id && entries[1].Id < entries[2].Id);
    }

    [SkippableFact]
    public async Task Audit_RefusedWrite_RecordsNothing()
    {
        var tenant = await CreateTenantAsync();
        using var scope = AuditContext.Begin(Actor);
        AssertOk(await Store.Extensions.CreateAsync(new Extension { TenantId = tenant.Id, Address = "twice@x" }, Ct));

        AssertStatus(WriteStatus.Duplicate, "extension", await Store.Extensions.CreateAsync(new Extension { TenantId = tenant.Id, Address = "TWICE@x" }, Ct));

        Assert.Single(await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.Extension), 100, Ct));
    }

    [SkippableFact]
    public async Task Audit_EveryAuditedKind_RecordsItsNaturalKey()
    {
        using var scope = AuditContext.Begin(Actor);
        var tenant = await CreateTenantAsync();
        var user = AssertOk(await Store.Users.CreateAsync(new UserWrite(new User { TenantId = tenant.Id, LoginName = "keyed" }, null), Ct));
        AssertOk(await Store.Groups.CreateAsync(new Group { TenantId = tenant.Id, Name = "Keyed group" }, Ct));
        AssertOk(await Store.Users.DeleteAsync(user.Id!.Value, Ct));

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
        using var scope = AuditContext.Begin(Actor);
        for (var i = 0; i < 5; i++)
        {
            AssertOk(await Store.Extensions.CreateAsync(new Extension { TenantId = tenant.Id, Address = $"page{i}@x" }, Ct));
        }

        var first = await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.Extension), 2, Ct);
        var rest = await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.Extension, AfterId: first[^1].Id), 100, Ct);

        Assert.Equal(["page0@x", "page1@x"], first.Select(e => e.Key));
        Assert.Equal(["page2@x", "page3@x", "page4@x"], rest.Select(e => e.Key));
    }
}
