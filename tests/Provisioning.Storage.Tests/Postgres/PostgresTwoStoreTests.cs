using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Postgres;

/// <summary>
/// The rules a single SQLite writer keeps by running writes one at a time, kept by the PostgreSQL store when the
/// writes race from two stores (two server instances): nothing lost, one primary group, one last administrator.
/// </summary>
public sealed class PostgresTwoStoreTests(TwoStoresOnOneDatabase stores) : IClassFixture<TwoStoresOnOneDatabase>
{
    private static CancellationToken Ct => CancellationToken.None;

    private static AuditActor SystemActor => Caller.System.ActorAt(DateTimeOffset.UtcNow);

    [SkippableFact]
    public async Task ExtensionUpdateAsync_TwelveConcurrentMediaChangesFromTwoStores_NoneIsLost()
    {
        var (first, second) = stores.Require();
        var tenant = await CreateTenantAsync(first);
        var created = Ok(await first.Extensions.CreateAsync(new ExtensionWrite(tenant.Id, $"media-{Guid.NewGuid():N}@x", RecordingMode.Full, MediaChange.Exactly(RecordedMedia.None), null), SystemActor, Ct));
        var bits = Enum.GetValues<Modality>().SelectMany(m => Enum.GetValues<Direction>().Select(d => (m, d))).ToArray();

        await Task.WhenAll(bits.Select((bit, i) => Task.Run(() => (i % 2 == 0 ? first : second).Extensions.UpdateAsync(
            new ExtensionKey(tenant.Id, created.Id, null), new ExtensionWrite(tenant.Id, created.Address!, created.Mode, new AddOne(bit.m, bit.d), null), SystemActor, Ct))));

        var stored = await second.Extensions.FindAsync(new ExtensionKey(tenant.Id, created.Id, null), Ct);
        Assert.Equal(bits.Aggregate(RecordedMedia.None, (media, bit) => media.With(bit.m, bit.d)), stored?.Media);
    }

    [SkippableFact]
    public async Task AuditChain_TwoStoresWritingAndSealingAtOnce_FormOneLinearChainThatVerifies()
    {
        var (first, second) = stores.Require();
        var tenant = await CreateTenantAsync(first);
        using var writing = new CancellationTokenSource();
        var sealers = new[] { first, second }.Select(store => Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                await store.Audit.SealAsync(Ct);
            }
        })).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).Extensions.CreateAsync(
            new ExtensionWrite(tenant.Id, $"chain-{i}-{Guid.NewGuid():N}@x", RecordingMode.Full, MediaChange.Exactly(RecordedMedia.None), null), SystemActor, Ct))));
        await writing.CancelAsync();
        await Task.WhenAll(sealers);

        var result = await AuditLog.VerifyAsync(second.Audit, Ct);
        var all = await first.Audit.ListAsync(new AuditQuery(), int.MaxValue, Ct);
        Assert.Null(result.Break);
        Assert.Equal((all.Count, 0L), (result.Verified, result.Unsealed));
        Assert.Equal(Enumerable.Range(1, all.Count).Select(p => (long?)p), all.Select(e => e.Position).Order());
    }

    [SkippableFact]
    public async Task UserDeleteAsync_EachOfTheLastTwoAdministratorsFromAnotherStore_OneIsRefusedEveryRound()
    {
        var (first, second) = stores.Require();
        var tenant = await CreateTenantAsync(first);
        var remaining = await CreateUserAsync(first, tenant, Roles.SystemAdministrator);
        for (var round = 0; round < 10; round++)
        {
            var added = await CreateUserAsync(second, tenant, Roles.SystemAdministrator);

            var writes = await Task.WhenAll(
                Task.Run(() => first.Users.DeleteAsync(remaining.Id!.Value, SystemActor, Ct)),
                Task.Run(() => second.Users.DeleteAsync(added.Id!.Value, SystemActor, Ct)));

            Assert.Single(writes, w => w.IsOk);
            Assert.Single(writes, w => w.Status == WriteStatus.Refused);
            remaining = writes[0].IsOk ? added : remaining;
            Assert.Equal(1, await first.Users.CountAsync(new UserQuery { Role = new TextMatch(Roles.SystemAdministrator, true) }, Ct));
        }
    }

    [SkippableFact]
    public async Task MembershipWrites_UsersMovingPrimaryWhileTheirNewGroupsAreEmptiedFromAnotherStore_KeepExactlyOnePrimary()
    {
        var (first, second) = stores.Require();
        var tenant = await CreateTenantAsync(first);
        for (var round = 0; round < 10; round++)
        {
            var pairs = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ => (
                User: await CreateUserAsync(first, tenant),
                Group: Ok(await second.Groups.CreateAsync(new Group { TenantId = tenant.Id, Name = $"g-{Guid.NewGuid():N}" }, SystemActor, Ct)))));

            await Task.WhenAll(pairs.SelectMany(p => new Task[]
            {
                Task.Run(() => first.Users.UpdateAsync(new UserWrite(MovedTo(p.User, p.Group), null), SystemActor, Ct)),
                Task.Run(() => second.Groups.UpdateAsync(p.Group with { Members = [] }, replaceMembers: true, SystemActor, Ct)),
            }));

            foreach (var (user, _) in pairs)
            {
                var memberships = (await first.Users.FindByIdAsync(user.Id!.Value, UserParts.Memberships, Ct))!.Memberships;
                Assert.Single(memberships, m => m.Primary == true);
            }
        }
    }

    [SkippableFact]
    public async Task ReserveLoginAttemptAsync_FortyConcurrentOverTwoStores_GrantsExactlyTheThreshold()
    {
        var (first, second) = stores.Require();
        var key = new LoginAttemptKey("Tw0s", $"user-{Guid.NewGuid():N}", "192.0.2.1");
        var policy = new LockoutPolicy(Threshold: 5, Window: TimeSpan.FromMinutes(15), Duration: TimeSpan.FromMinutes(15));
        var now = DateTimeOffset.UtcNow;

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).Tokens.ReserveLoginAttemptAsync(key, now.AddMilliseconds(i), policy, Ct))));

        Assert.Equal([1, 2, 3, 4, 5], results.OfType<LoginThrottle>().Select(r => r.Attempts).Order());
    }

    private static async Task<Tenant> CreateTenantAsync(IProvisioningStore store)
    {
        var suffix = Guid.NewGuid().ToString("N");
        return Ok(await store.Tenants.CreateAsync(new Tenant { Eid = "P" + suffix[..3], ShortName = "two-stores-" + suffix }, SystemActor, Ct));
    }

    private static async Task<User> CreateUserAsync(IProvisioningStore store, Tenant tenant, params string[] roles) =>
        Ok(await store.Users.CreateAsync(new UserWrite(new User { TenantId = tenant.Id, LoginName = $"u-{Guid.NewGuid():N}", Roles = roles }, null), SystemActor, Ct));

    /// <summary>The user with its primary membership moved to <paramref name="group"/>, staying a member of its old group.</summary>
    private static User MovedTo(User user, Group group) => user with
    {
        Memberships = [new GroupMembership { GroupId = group.Id, Primary = true }, new GroupMembership { GroupId = user.Memberships.Single().GroupId, Primary = false }],
    };

    private static T Ok<T>(StoreWrite<T> write)
    {
        Assert.True(write.IsOk, $"Expected Ok, got {write.Status} ({write.Key} {write.KeyValue}) {write.Refusal}");
        return write.Value!;
    }

    /// <summary>A media change that adds one pair to whatever is stored, so a lost update shows as a missing pair.</summary>
    private sealed record AddOne(Modality Modality, Direction Direction) : MediaChange
    {
        public override RecordedMedia ApplyTo(RecordedMedia current) => current.With(Modality, Direction);
    }
}
