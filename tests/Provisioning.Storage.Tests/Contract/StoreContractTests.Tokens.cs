using System.Security.Cryptography;
using Provisioning.Core.Security;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>Tokens stored by hash: the account state they carry, release, touch, purge; and login credentials.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task TokenFindAsync_CreatedToken_CarriesTimesAndTheAccountState()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant) with
        {
            Roles = [Roles.Administrator, "Agent"],
            Locked = true,
            ValidFrom = T0.AddDays(-1),
            ValidTo = T0.AddDays(1),
        });
        var hash = RandomNumberGenerator.GetBytes(32);

        var id = await Store.Tokens.CreateTokenAsync(hash, user.Id!.Value, T0, T0.AddHours(24), Ct);

        var session = await Store.Tokens.FindTokenAsync(hash, Ct);
        Assert.NotNull(session);
        Assert.Equal((id, T0, T0, T0.AddHours(24), (DateTimeOffset?)null), (session.TokenId, session.IssuedAt, session.LastUsedAt, session.ExpiresAt, session.ReleasedAt));
        var account = session.Account;
        Assert.Equal((user.Id.Value, tenant.Id, tenant.Eid, user.LoginName), (account.UserId, account.TenantId, account.Eid, account.LoginName));
        Assert.Equal((true, T0.AddDays(-1), T0.AddDays(1)), (account.Locked, account.ValidFrom, account.ValidTo));
        Assert.Equal([Roles.Administrator, "Agent"], account.Roles);
    }

    [SkippableFact]
    public async Task TokenFindAsync_UnknownHash_ReturnsNull()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant));
        await Store.Tokens.CreateTokenAsync(RandomNumberGenerator.GetBytes(32), user.Id!.Value, T0, T0.AddHours(1), Ct);

        Assert.Null(await Store.Tokens.FindTokenAsync(RandomNumberGenerator.GetBytes(32), Ct));
    }

    [SkippableFact]
    public async Task TokenReleaseAsync_Twice_IsTrueOnceThenFalse()
    {
        var (id, hash) = await CreateTokenAsync(T0, T0.AddHours(1));

        Assert.True(await Store.Tokens.ReleaseTokenAsync(id, T0.AddMinutes(5), Ct));
        Assert.False(await Store.Tokens.ReleaseTokenAsync(id, T0.AddMinutes(6), Ct));

        Assert.Equal(T0.AddMinutes(5), (await Store.Tokens.FindTokenAsync(hash, Ct))?.ReleasedAt);
    }

    [SkippableFact]
    public async Task TokenTouchAsync_LaterThenEarlier_MovesLastUsedForwardOnly()
    {
        var (id, hash) = await CreateTokenAsync(T0, T0.AddHours(1));

        await Store.Tokens.TouchTokenAsync(id, T0.AddMinutes(10), Ct);
        Assert.Equal(T0.AddMinutes(10), (await Store.Tokens.FindTokenAsync(hash, Ct))?.LastUsedAt);

        await Store.Tokens.TouchTokenAsync(id, T0.AddMinutes(3), Ct);
        Assert.Equal(T0.AddMinutes(10), (await Store.Tokens.FindTokenAsync(hash, Ct))?.LastUsedAt);
    }

    [SkippableFact]
    public async Task TokenPurgeAsync_CutOff_RemovesOnlyTokensExpiredOrReleasedBeforeIt()
    {
        var cut = T0.AddHours(2);
        var expired = await CreateTokenAsync(T0, cut.AddMinutes(-1));
        var released = await CreateTokenAsync(T0, cut.AddHours(5));
        Assert.True(await Store.Tokens.ReleaseTokenAsync(released.Id, cut.AddMinutes(-1), Ct));
        var live = await CreateTokenAsync(T0, cut.AddMinutes(1));
        var releasedLater = await CreateTokenAsync(T0, cut.AddHours(5));
        Assert.True(await Store.Tokens.ReleaseTokenAsync(releasedLater.Id, cut.AddMinutes(1), Ct));

        Assert.Equal(2, await Store.Tokens.PurgeTokensAsync(cut, Ct));

        Assert.Null(await Store.Tokens.FindTokenAsync(expired.Hash, Ct));
        Assert.Null(await Store.Tokens.FindTokenAsync(released.Hash, Ct));
        Assert.NotNull(await Store.Tokens.FindTokenAsync(live.Hash, Ct));
        Assert.NotNull(await Store.Tokens.FindTokenAsync(releasedLater.Hash, Ct));
    }

    [SkippableFact]
    public async Task CredentialsFindAsync_EidAndLoginInOtherCase_ReturnsHashAndAccount()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant) with { Roles = [Roles.SystemAdministrator] }, "the-hash");

        var credentials = await Store.Tokens.FindCredentialsAsync(OtherCase(tenant.Eid!), OtherCase(user.LoginName!), Ct);

        Assert.NotNull(credentials);
        Assert.Equal("the-hash", credentials.PasswordHash);
        Assert.Equal((user.Id!.Value, tenant.Id, tenant.Eid, user.LoginName, false), (credentials.Account.UserId, credentials.Account.TenantId, credentials.Account.Eid, credentials.Account.LoginName, credentials.Account.Locked));
        Assert.True(credentials.Account.IsSystemAdministrator);
    }

    [SkippableFact]
    public async Task CredentialsFindAsync_UserWithoutPassword_HasNullHash()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant));

        var credentials = await Store.Tokens.FindCredentialsAsync(tenant.Eid!, user.LoginName!, Ct);

        Assert.NotNull(credentials);
        Assert.Null(credentials.PasswordHash);
    }

    [SkippableFact]
    public async Task CredentialsFindAsync_UnknownLoginOrEidOrOtherTenant_ReturnsNull()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant), "hash");

        Assert.Null(await Store.Tokens.FindCredentialsAsync(tenant.Eid!, Unique("User"), Ct));
        Assert.Null(await Store.Tokens.FindCredentialsAsync(NewEid(), user.LoginName!, Ct));
        Assert.Null(await Store.Tokens.FindCredentialsAsync(other.Eid!, user.LoginName!, Ct));
    }

    private async Task<(long Id, byte[] Hash)> CreateTokenAsync(DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        var user = await CreateUserAsync(NewUser(await CreateTenantAsync()));
        var hash = RandomNumberGenerator.GetBytes(32);
        return (await Store.Tokens.CreateTokenAsync(hash, user.Id!.Value, issuedAt, expiresAt, Ct), hash);
    }
}
