namespace Provisioning.Storage.Tests.Contract;

/// <summary>MigrateAsync: the schema version, and that running it again on a current schema changes nothing.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task MigrateAsync_OnCurrentSchema_ReturnsTheSameVersionAgain()
    {
        var first = await Store.MigrateAsync(Ct);
        var second = await Store.MigrateAsync(Ct);

        Assert.True(first >= 1, $"Schema version {first}");
        Assert.Equal(first, second);
    }

    [SkippableFact]
    public async Task MigrateAsync_TwiceInARow_KeepsDataAndWrites()
    {
        var tenant = await CreateTenantAsync();

        await Store.MigrateAsync(Ct);
        await Store.MigrateAsync(Ct);

        AssertSameTenant(tenant, await Store.Tenants.FindByIdAsync(tenant.Id, Ct));
        await CreateTenantAsync();
    }

    [SkippableFact]
    public async Task MigrateAsync_AfterReopen_ReturnsTheSameVersion()
    {
        var version = await Store.MigrateAsync(Ct);

        await ReopenAsync();

        Assert.Equal(version, await Store.MigrateAsync(Ct));
    }
}
