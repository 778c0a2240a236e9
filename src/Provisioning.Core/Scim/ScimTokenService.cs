using System.Security.Cryptography;
using System.Text;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Scim;

/// <summary>
/// The operator's SCIM tokens: create (the bearer value shown once), list, revoke; and authentication of a request's
/// bearer. A token is 32 random bytes in base64url, stored as SHA-256: with 256 bits of entropy a slow hash adds nothing.
/// </summary>
public sealed class ScimTokenService(IProvisioningStore store, TimeProvider time)
{
    public const string DefaultName = "scim";
    public const int MaxNameLength = 64;

    public async Task<Result<IssuedScimToken>> CreateAsync(Caller caller, string? eid, string? name, CancellationToken cancellationToken)
    {
        name ??= DefaultName;
        if (!caller.IsSystemAdministrator)
        {
            return Failures.PermissionDenied;
        }
        if (CheckName(name) is { } bad)
        {
            return bad;
        }
        if (await FindTenantAsync(eid, cancellationToken) is not { } tenant)
        {
            return string.IsNullOrEmpty(eid) ? Failures.Mandatory("eid") : Failures.DoesNotExist("eid", eid);
        }
        var bearer = NewBearer();
        var now = time.GetUtcNow();
        var token = new ScimToken { TenantId = tenant.Id, Eid = tenant.Eid!, Name = name, CreatedAt = now };
        var written = await store.ScimTokens.AddAsync(token, Hash(bearer), caller.ActorAt(now), cancellationToken);
        return written.IsOk
            ? Result<IssuedScimToken>.Ok(new IssuedScimToken(written.Value!, bearer))
            : Failures.Exists("SCIM token", "name", $"{tenant.Eid}:{name}");
    }

    /// <summary>The tokens of one environment, or of all when <paramref name="eid"/> is null; never their values.</summary>
    public async Task<Result<IReadOnlyList<ScimToken>>> ListAsync(Caller caller, string? eid, CancellationToken cancellationToken)
    {
        if (!caller.IsSystemAdministrator)
        {
            return Failures.PermissionDenied;
        }
        long? tenantId = null;
        if (eid is not null)
        {
            if (await FindTenantAsync(eid, cancellationToken) is not { } tenant)
            {
                return Failures.DoesNotExist("eid", eid);
            }
            tenantId = tenant.Id;
        }
        return Result<IReadOnlyList<ScimToken>>.Ok(await store.ScimTokens.ListAsync(tenantId, cancellationToken));
    }

    /// <summary>Deletes the token; requests bearing it are refused from the next one on.</summary>
    public async Task<Result> RevokeAsync(Caller caller, string? eid, string? name, CancellationToken cancellationToken)
    {
        if (!caller.IsSystemAdministrator)
        {
            return Failures.PermissionDenied;
        }
        if (await FindTenantAsync(eid, cancellationToken) is not { } tenant)
        {
            return string.IsNullOrEmpty(eid) ? Failures.Mandatory("eid") : Failures.DoesNotExist("eid", eid);
        }
        if (string.IsNullOrEmpty(name))
        {
            return Failures.Mandatory("name");
        }
        var removed = await store.ScimTokens.RemoveAsync(tenant.Id, name, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return removed.IsOk ? Result.Ok() : Failures.NotFound($"No SCIM token of environment {tenant.Eid} is named {name}");
    }

    /// <summary>The token a request's bearer value stands for, or null. Looked up by its hash, so no comparison leaks timing.</summary>
    public async Task<ScimToken?> AuthenticateAsync(string? bearer, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(bearer) || bearer.Length > 256 ? null : await store.ScimTokens.FindByHashAsync(Hash(bearer), cancellationToken);

    /// <summary>The caller a token acts as: confined to its environment, audited as "scim:{name}" for <paramref name="operation"/>.</summary>
    public static Caller CallerOf(ScimToken token, string operation) =>
        new Caller(0, token.TenantId, token.Eid, "scim:" + token.Name, IsSystemAdministrator: false, TokenId: 0) { Operation = operation };

    private async Task<Model.Tenant?> FindTenantAsync(string? eid, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(eid) ? null : await store.Tenants.FindByEidAsync(eid, cancellationToken);

    private static Failure? CheckName(string name) => name switch
    {
        "" => Failures.Mandatory("name"),
        { Length: > MaxNameLength } => Failures.TooLong("name", name.Length, MaxNameLength),
        _ when name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) => Failures.Invalid("name", name, "a name without spaces"),
        _ => null,
    };

    private static string NewBearer() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Hash(string bearer) => SHA256.HashData(Encoding.UTF8.GetBytes(bearer));
}
