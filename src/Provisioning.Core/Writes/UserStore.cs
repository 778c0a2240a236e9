using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Writes;

/// <summary>
/// Users: the store's reads, and the writes with their rules. Each write holds its environment's membership lock from
/// its first statement; one that could remove an unlocked System Administrator also holds the role holders' lock
/// around its count before and after, so two writers cannot each remove one of the last two.
/// </summary>
public sealed class UserStore(IUserReads reads, IStoreWriter writer) : IUserStore
{
    private static readonly string AdministratorKey = Keys.Fold(Roles.SystemAdministrator);

    public Task<User?> FindByIdAsync(long id, UserParts parts, CancellationToken cancellationToken) => reads.FindByIdAsync(id, parts, cancellationToken);

    public Task<User?> FindByLoginAsync(long tenantId, string loginName, UserParts parts, CancellationToken cancellationToken) =>
        reads.FindByLoginAsync(tenantId, loginName, parts, cancellationToken);

    public Task<IReadOnlyList<User>> ListAsync(UserQuery query, UserParts parts, int limit, CancellationToken cancellationToken) =>
        reads.ListAsync(query, parts, limit, cancellationToken);

    public Task<int> CountAsync(UserQuery query, CancellationToken cancellationToken) => reads.CountAsync(query, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> FindIdsByLoginAsync(long tenantId, IReadOnlyCollection<string> loginNames, CancellationToken cancellationToken) =>
        reads.FindIdsByLoginAsync(tenantId, loginNames, cancellationToken);

    public Task<StoreWrite<User>> CreateAsync(UserWrite write, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(async s => (await CreateOneAsync(s, write, actor)).Result, cancellationToken);

    /// <summary>
    /// One transaction for all. A user refused before its first row is written (a missing reference, a taken login) is
    /// simply answered; one refused after (a taken number, a membership rule) cannot be undone alone, so the transaction
    /// is rolled back and run again without it, that user answered with its refusal.
    /// </summary>
    public async Task<IReadOnlyList<StoreWrite<User>>?> CreateAllAsync(IReadOnlyList<UserWrite> writes, AuditActor actor, CancellationToken cancellationToken)
    {
        var refused = new Dictionary<int, StoreWrite<User>>();
        while (true)
        {
            var (results, broken) = await writer.WriteAsync<(StoreWrite<User>[]? Results, (int Index, StoreWrite<User> Refusal)? Broken)>(
                async s =>
                {
                    var results = new StoreWrite<User>[writes.Count];
                    for (var i = 0; i < writes.Count; i++)
                    {
                        if (refused.TryGetValue(i, out var known))
                        {
                            results[i] = known;
                            continue;
                        }
                        var (result, written) = await CreateOneAsync(s, writes[i], actor);
                        if (!result.IsOk && written)
                        {
                            return (null, (i, result));
                        }
                        results[i] = result;
                    }
                    return (results, null);
                },
                static r => r.Results is not null,
                static _ => (null, null),
                cancellationToken);
            if (results is not null)
            {
                return results;
            }
            if (broken is not { } refusal)
            {
                return null;
            }
            refused[refusal.Index] = refusal.Refusal;
        }
    }

    /// <summary>What <see cref="CreateAsync"/> writes, and whether a refusal came after the user's row was written.</summary>
    private static async ValueTask<(StoreWrite<User> Result, bool Written)> CreateOneAsync(IWriteSession s, UserWrite write, AuditActor actor)
    {
        var user = write.User;
        await s.LockMembershipsAsync(user.TenantId);
        if (await MissingReferenceAsync(s, user) is { } missing)
        {
            return (StoreWrite<User>.MissingReference(missing), false);
        }
        if (await s.InsertUserAsync(user.TenantId, user.LoginName!, write.PasswordHash) is not { } id)
        {
            return (StoreWrite<User>.Duplicate(StoreKey.LoginName), false);
        }
        var result = await WriteAllAsync(s, write with { User = user with { Id = id }, PasswordHash = null }, created: true);
        return (await AuditedAsync(s, actor, result, null), true);
    }

    public Task<StoreWrite<User>> UpdateAsync(UserWrite write, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                var user = write.User;
                await s.LockMembershipsAsync(user.TenantId);
                var before = user.Id is { } id ? await s.FindUserAsync(id, UserParts.All) : null;
                if (before is null || before.TenantId != user.TenantId)
                {
                    return StoreWrite<User>.NotFound();
                }
                if (write.Expected is { } expected && !expected(before))
                {
                    return StoreWrite<User>.Refused(Failures.ChangedMeanwhile);
                }
                if (await MissingReferenceAsync(s, user) is { } missing)
                {
                    return StoreWrite<User>.MissingReference(missing);
                }
                if (await s.LoginTakenAsync(user.TenantId, Keys.Fold(user.LoginName!), before.Id!.Value))
                {
                    return StoreWrite<User>.Duplicate(StoreKey.LoginName);
                }
                var administrators = await GuardAdministratorsAsync(s, before.Id.Value);
                var result = await WriteAllAsync(s, write, created: false);
                if (!result.IsOk)
                {
                    return result;
                }
                if (await LastAdministratorGoneAsync(s, administrators))
                {
                    return StoreWrite<User>.Refused(Failures.LastSystemAdministrator);
                }
                await s.NotifyAsync(new StoreChange(StoreChangeKind.UserChanged, before.Id.Value));
                return await AuditedAsync(s, actor, result, before);
            },
            cancellationToken);

    public Task<StoreWrite<long>> DeleteAsync(long id, AuditActor actor, CancellationToken cancellationToken) =>
        DeleteAsync(id, null, actor, cancellationToken);

    public Task<StoreWrite<long>> DeleteAsync(long id, Func<User, bool>? expected, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                // A user never changes environment, so its environment is known before the lock is taken.
                if (await s.FindUserTenantAsync(id) is not { } tenantId)
                {
                    return StoreWrite<long>.NotFound();
                }
                await s.LockMembershipsAsync(tenantId);
                var before = await s.FindUserAsync(id, UserParts.All);
                if (before is not null && expected is not null && !expected(before))
                {
                    return StoreWrite<long>.Refused(Failures.ChangedMeanwhile);
                }
                var administrators = await GuardAdministratorsAsync(s, id);
                if (before is null || !await s.DeleteUserAsync(id))
                {
                    return StoreWrite<long>.NotFound();
                }
                if (await LastAdministratorGoneAsync(s, administrators))
                {
                    return StoreWrite<long>.Refused(Failures.LastSystemAdministrator);
                }
                await s.NotifyAsync(new StoreChange(StoreChangeKind.UserChanged, id));
                if (before.Extensions.Count > 0)
                {
                    await ConfigurationLog.ChangedAsync(s, before.TenantId, before.Extensions.Select(e => e.Address!));
                }
                await s.AppendAuditAsync(actor, new AuditChange(AuditChange.User, before.Tenant.Eid!, before.LoginName!, before, null));
                return StoreWrite<long>.Ok(id);
            },
            cancellationToken);

    /// <summary>Fields, lists, extensions and memberships; then the user as stored.</summary>
    private static async ValueTask<StoreWrite<User>> WriteAllAsync(IWriteSession s, UserWrite write, bool created)
    {
        var user = write.User;
        var userId = user.Id!.Value;
        await s.UpdateUserAsync(user, write.PasswordHash);
        await s.ReplaceRolesAsync(userId, user.Roles);
        await s.ReplaceCustomsAsync(userId, user.Customs);
        if (await UserExtensions.ReplaceAsync(s, write.Extensions, userId, created) is { } taken)
        {
            return StoreWrite<User>.Duplicate(StoreKey.Extension, taken);
        }
        if (await UserMemberships.ReplaceAsync(s, user with { Id = userId }, created) is { } refusal)
        {
            return StoreWrite<User>.Refused(refusal);
        }
        return StoreWrite<User>.Ok((await s.FindUserAsync(userId, UserParts.All))!);
    }

    private static async ValueTask<StoreWrite<User>> AuditedAsync(IWriteSession s, AuditActor actor, StoreWrite<User> result, User? before)
    {
        if (result is { IsOk: true, Value: { } after })
        {
            await ConfigurationLog.UserChangedAsync(s, before, after);
            await s.AppendAuditAsync(actor, new AuditChange(AuditChange.User, after.Tenant.Eid!, after.LoginName!, before, after));
        }
        return result;
    }

    private static async ValueTask<StoreKey?> MissingReferenceAsync(IWriteSession s, User user)
    {
        if (user.ObserverUserId is { } observer && await s.FindUserTenantAsync(observer) != user.TenantId)
        {
            return StoreKey.ObserverUser;
        }
        if (user.ObserverGroupId is { } group && await s.FindGroupTenantAsync(group) != user.TenantId)
        {
            return StoreKey.ObserverGroup;
        }
        return null;
    }

    /// <summary>
    /// The number of unlocked System Administrators before the write, counted under the role holders' lock when the
    /// user is one of them; 0 (nothing to guard) when it is not, for then the write cannot lower that number. The user's
    /// own roles and lock cannot change meanwhile: every write of them holds the membership lock this write holds.
    /// </summary>
    private static async ValueTask<long> GuardAdministratorsAsync(IWriteSession s, long userId)
    {
        if (await s.CountUnlockedHoldersAsync(AdministratorKey, userId) == 0)
        {
            return 0;
        }
        await s.LockRoleHoldersAsync();
        return await s.CountUnlockedHoldersAsync(AdministratorKey, null);
    }

    private static async ValueTask<bool> LastAdministratorGoneAsync(IWriteSession s, long before) =>
        before > 0 && await s.CountUnlockedHoldersAsync(AdministratorKey, null) == 0;
}
