using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Operator;

/// <summary>
/// Changes to one user that keep everything else as stored: a password, roles, some fields. Each goes through
/// <see cref="UserService.UpdateAsync(Security.Caller, Model.User, string?, CancellationToken)"/>, so the API's rules and messages apply (elevation, the last System Administrator).
/// </summary>
public sealed class UserAccounts(IProvisioningStore store, UserService users, TenantAccess access, TimeProvider time)
{
    /// <summary>Applies <paramref name="change"/> to the stored user; memberships stay, extensions stay with their settings.</summary>
    public async Task<Result<User>> ModifyAsync(Caller caller, TenantRef environment, string? loginName, Func<User, User> change, string? passwordMd5, CancellationToken cancellationToken)
    {
        var stored = await users.GetByLoginAsync(caller, loginName, environment, cancellationToken);
        if (!stored.IsOk)
        {
            return stored.ToFailure();
        }
        // An update without memberships keeps them; extensions are listed again exactly as stored, or they would be unlinked.
        var basis = stored.Value with { Memberships = [], Extensions = stored.Value.Extensions.Select(Keep).ToArray() };
        return await users.UpdateAsync(caller, change(basis) with { Id = stored.Value.Id }, passwordMd5, cancellationToken);
    }

    public Task<Result<User>> SetPasswordAsync(Caller caller, TenantRef environment, string? loginName, string? password, CancellationToken cancellationToken) =>
        Rules.Required(password, "password") is { } missing
            ? Task.FromResult<Result<User>>(missing)
            : ModifyAsync(caller, environment, loginName, u => u, PasswordHasher.Md5Hex(password!), cancellationToken);

    /// <summary>Adds and removes roles (names compared ignoring case); the others stay in their order.</summary>
    public Task<Result<User>> ChangeRolesAsync(Caller caller, TenantRef environment, string? loginName, IReadOnlyList<string> add, IReadOnlyList<string> remove, CancellationToken cancellationToken) =>
        ModifyAsync(caller, environment, loginName, u => u with
        {
            Roles = [.. u.Roles.Where(r => !Roles.Holds(remove, r)), .. add.Where(r => !Roles.Holds(u.Roles, r) && !Roles.Holds(remove, r)).Distinct(StringComparer.OrdinalIgnoreCase)],
        }, null, cancellationToken);

    /// <summary>Every user the caller may see, in id order after <paramref name="afterId"/>, with everything: export.</summary>
    public Task<Result<IReadOnlyList<User>>> PageAsync(Caller caller, TenantFilter? environment, long? afterId, int limit, CancellationToken cancellationToken) =>
        PageAsync(caller, environment, afterId, limit, UserParts.All, cancellationToken);

    /// <summary>Every user the caller may see, in id order after <paramref name="afterId"/>, with the <paramref name="parts"/> asked for.</summary>
    public async Task<Result<IReadOnlyList<User>>> PageAsync(Caller caller, TenantFilter? environment, long? afterId, int limit, UserParts parts, CancellationToken cancellationToken)
    {
        var tenants = await access.SelectAsync(caller, environment, cancellationToken);
        if (!tenants.IsOk)
        {
            return tenants.ToFailure();
        }
        var query = new UserQuery { TenantIds = tenants.Value, AfterId = afterId, Now = time.GetUtcNow() };
        return Result<IReadOnlyList<User>>.Ok(tenants.Value is [] ? [] : await store.Users.ListAsync(query, parts, limit, cancellationToken));
    }

    /// <summary>A stored extension as an update lists it to keep it: the same address, mode and exact media.</summary>
    public static Extension Keep(Extension stored) => stored with { MediaChange = MediaChange.Exactly(stored.Media), User = null };
}
