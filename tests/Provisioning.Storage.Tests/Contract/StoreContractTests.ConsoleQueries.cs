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
    public async Task ExtensionSearch_SubstringOfPatternAndQuoteCharacters_MatchesThemAsPlainText()
    {
        var tenant = await CreateTenantAsync();
        var marker = Unique("q");
        var wanted = await CreateExtensionAsync(NewExtensionWrite(tenant, marker + "%_\\'\"z"));
        await CreateExtensionAsync(NewExtensionWrite(tenant, marker + "ab\\'\"z"));
        var search = new ExtensionQuery([tenant.Id], new TextMatch(marker[^2..] + "%_\\'\"", false), null);

        Assert.Equal([wanted.Id], (await Store.Extensions.ListAsync(search, 10, Ct)).Select(e => e.Id));
        Assert.Equal([wanted.Id], (await Store.Extensions.ListAsync(search with { ByKey = true }, 10, Ct)).Select(e => e.Id));
    }

    [SkippableFact]
    public async Task ExtensionSearch_AddressRenamedThenDeleted_FoundByTheCurrentAddressOnly()
    {
        var tenant = await CreateTenantAsync();
        var (before, after) = (Unique("before"), Unique("after"));
        var created = await CreateExtensionAsync(NewExtensionWrite(tenant, "+" + before));
        AssertOk(await Store.Extensions.UpdateAsync(new ExtensionKey(tenant.Id, created.Id, null), NewExtensionWrite(tenant, "+" + after), SystemActor, Ct));
        var byKey = new ExtensionQuery([tenant.Id], null, null) { ByKey = true };

        Assert.Empty(await Store.Extensions.ListAsync(byKey with { Address = new TextMatch(before, false) }, 10, Ct));
        Assert.Equal([created.Id], (await Store.Extensions.ListAsync(byKey with { Address = new TextMatch(OtherCase(after), false) }, 10, Ct)).Select(e => e.Id));
        AssertOk(await Store.Extensions.DeleteAsync(new ExtensionKey(tenant.Id, created.Id, null), SystemActor, Ct));
        Assert.Empty(await Store.Extensions.ListAsync(byKey with { Address = new TextMatch(after, false) }, 10, Ct));
    }

    [SkippableFact]
    public async Task ExtensionSearch_ShortSubstringAndModeInOneEnvironment_ReturnsOnlyMatchesInIdOrder()
    {
        var tenant = await CreateTenantAsync();
        var marker = Unique("s");
        var first = await CreateExtensionAsync(NewExtensionWrite(tenant, marker + "x7") with { Mode = RecordingMode.OnDemand });
        await CreateExtensionAsync(NewExtensionWrite(tenant, marker + "y7") with { Mode = RecordingMode.Full });
        var second = await CreateExtensionAsync(NewExtensionWrite(tenant, marker + "z7") with { Mode = RecordingMode.OnDemand });
        var search = new ExtensionQuery([tenant.Id], new TextMatch("7", false), null) { Mode = RecordingMode.OnDemand, ByKey = true };

        Assert.Equal([first.Id, second.Id], (await Store.Extensions.ListAsync(search, 10, Ct)).Select(e => e.Id));
        Assert.Equal([second.Id], (await Store.Extensions.ListAsync(search with { AfterId = first.Id }, 10, Ct)).Select(e => e.Id));
    }

    [SkippableFact]
    public async Task AuditList_ValuesCut_ReadsThatManyCharactersAndOneMore()
    {
        var tenant = await CreateTenantAsync();
        var created = await CreateExtensionAsync(tenant);
        var query = new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.Extension);

        var whole = Assert.Single(await Store.Audit.ListAsync(query, 10, Ct), e => e.Key == created.Address);
        var cut = Assert.Single(await Store.Audit.ListAsync(query with { CutValuesAt = 5 }, 10, Ct), e => e.Key == created.Address);

        Assert.True(whole.After!.Length > 6);
        Assert.Equal(whole.After[..6], cut.After);
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
