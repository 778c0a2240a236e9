using Provisioning.Core.Model;
using Provisioning.Core.Recorders;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>The recorders' change log: revisions grow with each change of an environment, deltas say what each address is now.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [Fact]
    public async Task RecorderRevisionAsync_EachExtensionWrite_GrowsForItsEnvironmentOnly()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        var keys = new[] { Keys.Fold(tenant.Eid!) };
        var start = await Store.Recorders.Reads.RevisionAsync(keys, Ct);

        var created = await CreateExtensionAsync(tenant);
        var afterCreate = await Store.Recorders.Reads.RevisionAsync(keys, Ct);
        await CreateExtensionAsync(other);
        var afterOther = await Store.Recorders.Reads.RevisionAsync(keys, Ct);
        AssertOk(await Store.Extensions.DeleteAsync(new ExtensionKey(tenant.Id, created.Id, null), Actor, Ct));
        var afterDelete = await Store.Recorders.Reads.RevisionAsync(keys, Ct);

        Assert.True(afterCreate > start);
        Assert.Equal(afterCreate, afterOther);
        Assert.True(afterDelete > afterCreate);
        Assert.True(await Store.Recorders.Reads.RevisionAsync(null, Ct) >= afterDelete);
    }

    /// <summary>
    /// Nothing else writes this store's database, so an acknowledged write is settled at once; on PostgreSQL the
    /// transactions of the other databases on the cluster (the other test classes') do not hold it back.
    /// </summary>
    [Fact]
    public async Task RecorderRevisionsAsync_WriteAcknowledged_SettledAtOnce()
    {
        var tenant = await CreateTenantAsync();
        var keys = new[] { Keys.Fold(tenant.Eid!) };
        var start = await Store.Recorders.Reads.RevisionAsync(keys, Ct);

        await CreateExtensionAsync(tenant);
        var (settled, committed) = await Store.Recorders.Reads.RevisionsAsync(keys, Ct);

        Assert.True(committed > start);
        Assert.Equal(committed, settled);
        Assert.Equal(settled, await Store.Recorders.Reads.RevisionAsync(keys, Ct));
    }

    [Fact]
    public async Task RecorderChangesAsync_CreatedThenOneDeleted_UpsertAndDeleteOncePerAddress()
    {
        var tenant = await CreateTenantAsync();
        var keys = new[] { Keys.Fold(tenant.Eid!) };
        var start = await Store.Recorders.Reads.RevisionAsync(keys, Ct);
        var kept = await CreateExtensionAsync(NewExtensionWrite(tenant, "kept@log"));
        var gone = await CreateExtensionAsync(NewExtensionWrite(tenant, "gone@log"));
        AssertOk(await Store.Extensions.DeleteAsync(new ExtensionKey(tenant.Id, gone.Id, null), Actor, Ct));
        var now = await Store.Recorders.Reads.RevisionAsync(keys, Ct);

        var changes = await Store.Recorders.Reads.ChangesAsync(keys, start, now, Ct);

        Assert.Equal(2, changes.Count);
        Assert.Equal(("kept@log", RecordingMode.Full), (changes.Single(c => c.Now is not null).Now!.Address, changes.Single(c => c.Now is not null).Now!.Mode));
        Assert.Equal(new ConfigurationChange(tenant.Eid!, "gone@log", null), changes.Single(c => c.Now is null));
        Assert.Equal(kept.Address, (await Store.Recorders.Reads.ExtensionsAsync(keys, 0, 10, Ct)).Single().Extension.Address);
    }

    [Fact]
    public async Task RecorderExtensionsAsync_TwoEnvironmentsOfThree_PagesInIdOrderWithoutTheThird()
    {
        var first = await CreateTenantAsync();
        var second = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        var expected = new List<long>();
        foreach (var tenant in new[] { first, other, second, first, other, second, first })
        {
            var created = await CreateExtensionAsync(tenant);
            if (tenant.Id != other.Id)
            {
                expected.Add(created.Id!.Value);
            }
        }
        var keys = new[] { Keys.Fold(first.Eid!), Keys.Fold(second.Eid!) };

        var read = new List<long>();
        IReadOnlyList<(long Id, ConfiguredExtension Extension)> page;
        do
        {
            page = await Store.Recorders.Reads.ExtensionsAsync(keys, read.Count == 0 ? 0 : read[^1], 2, Ct);
            read.AddRange(page.Select(p => p.Id));
        }
        while (page.Count == 2);

        Assert.Equal(expected, read);
    }

    [Fact]
    public async Task RecorderRevisionAsync_TwoEnvironments_TheNewerOfTheirRevisions()
    {
        var first = await CreateTenantAsync();
        var second = await CreateTenantAsync();
        await CreateExtensionAsync(first);
        await CreateExtensionAsync(second);
        var ofFirst = await Store.Recorders.Reads.RevisionAsync([Keys.Fold(first.Eid!)], Ct);
        var ofSecond = await Store.Recorders.Reads.RevisionAsync([Keys.Fold(second.Eid!)], Ct);

        var ofBoth = await Store.Recorders.Reads.RevisionAsync([Keys.Fold(first.Eid!), Keys.Fold(second.Eid!)], Ct);

        // Read last, so on PostgreSQL a revision that settled meanwhile can only make it larger.
        Assert.True(ofBoth >= Math.Max(ofFirst, ofSecond), $"{ofBoth} < max({ofFirst}, {ofSecond})");
    }
}
