using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>The reads the web console adds: extensions by recording mode, the audit log by actor and time, newest first, counted.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task ExtensionList_ByMode_ReturnsOnlyThatModeInIdOrder()
    {
        var tenant = await CreateTenantAsync();
        foreach (var (address, mode) in new[] { ("m1", RecordingMode.Full), ("m2", RecordingMode.DoNotRecord), ("m3", RecordingMode.DoNotRecord) })
        {
            AssertOk(await Store.Extensions.CreateAsync(NewExtensionWrite(tenant, address) with { Mode = mode }, Actor, Ct));
        }

        var found = await Store.Extensions.ListAsync(new ExtensionQuery([tenant.Id], null, null) { Mode = RecordingMode.DoNotRecord }, 10, Ct);

        Assert.Equal(["m2", "m3"], found.Select(e => e.Address));
    }

    [SkippableFact]
    public async Task AuditList_ByLoginAndTimeNewestFirst_PagesBackwardsAndCounts()
    {
        var tenant = await CreateTenantAsync();
        var other = new AuditActor(T0.AddHours(2), "T001:other", 43, "web:test");
        AssertOk(await Store.Extensions.CreateAsync(UnnamedExtensionWrite(tenant, "a1"), Actor, Ct));
        AssertOk(await Store.Extensions.CreateAsync(UnnamedExtensionWrite(tenant, "a2"), other, Ct));
        AssertOk(await Store.Extensions.CreateAsync(UnnamedExtensionWrite(tenant, "a3"), other, Ct));
        var ofOther = new AuditQuery(Eid: tenant.Eid) { Login = "T001:other", NewestFirst = true };

        var newest = await Store.Audit.ListAsync(ofOther, 1, Ct);
        var older = await Store.Audit.ListAsync(ofOther with { BeforeId = newest[0].Id }, 10, Ct);

        Assert.Equal(["a3"], newest.Select(e => e.Key));
        Assert.Equal(["a2"], older.Select(e => e.Key));
        Assert.Equal(2, await Store.Audit.CountAsync(ofOther, Ct));
        Assert.Equal(1, await Store.Audit.CountAsync(new AuditQuery(Eid: tenant.Eid, Since: T0, Entity: AuditChange.Extension) { Until = T0.AddHours(1) }, Ct));
    }
}
