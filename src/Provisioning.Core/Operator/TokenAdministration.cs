using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Operator;

/// <summary>The operator's view of tokens: list them (never their value) and revoke them, one or all of a user.</summary>
public sealed class TokenAdministration(IProvisioningStore store, UserService users, TokenOptions options, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<TokenListing>>> ListAsync(Caller caller, TenantRef environment, string? loginName, int limit, CancellationToken cancellationToken)
    {
        if (!caller.IsSystemAdministrator)
        {
            return Failures.PermissionDenied;
        }
        long? userId = null;
        if (!string.IsNullOrEmpty(loginName))
        {
            var user = await users.GetByLoginAsync(caller, loginName, environment, cancellationToken);
            if (!user.IsOk)
            {
                return user.ToFailure();
            }
            userId = user.Value.Id;
        }
        var now = time.GetUtcNow();
        var sessions = await store.Tokens.ListTokensAsync(userId, limit, cancellationToken);
        return Result<IReadOnlyList<TokenListing>>.Ok(sessions.Select(s => new TokenListing(s, StateOf(s, now))).ToArray());
    }

    public async Task<Result> RevokeAsync(Caller caller, long tokenId, CancellationToken cancellationToken)
    {
        if (!caller.IsSystemAdministrator)
        {
            return Failures.PermissionDenied;
        }
        return await store.Tokens.ReleaseTokenAsync(tokenId, time.GetUtcNow(), cancellationToken)
            ? Result.Ok()
            : Failures.NotFound($"No token with id {tokenId} is left to revoke: it does not exist or was released already");
    }

    /// <summary>Revokes every token of a user that is not released yet; returns how many.</summary>
    public async Task<Result<int>> RevokeAllAsync(Caller caller, TenantRef environment, string? loginName, CancellationToken cancellationToken)
    {
        var listed = await ListAsync(caller, environment, loginName ?? string.Empty, int.MaxValue, cancellationToken);
        if (!listed.IsOk)
        {
            return listed.ToFailure();
        }
        var count = 0;
        foreach (var token in listed.Value.Where(t => t.State != TokenState.Released))
        {
            count += await store.Tokens.ReleaseTokenAsync(token.Session.TokenId, time.GetUtcNow(), cancellationToken) ? 1 : 0;
        }
        return Result<int>.Ok(count);
    }

    private TokenState StateOf(TokenSession session, DateTimeOffset now) => session switch
    {
        { ReleasedAt: not null } => TokenState.Released,
        _ when now >= session.ExpiresAt => TokenState.Expired,
        _ when now - session.LastUsedAt >= options.IdleTimeout => TokenState.Idle,
        _ => TokenState.Live,
    };
}
