using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Security;

/// <summary>requestToken, releaseToken, and the check of the token every other operation carries.</summary>
public sealed class TokenService(
    IProvisioningStore store,
    PasswordHasher hasher,
    TokenOptions options,
    TimeProvider time,
    SessionCache cache,
    PasswordGate gate,
    LoginCounts counts)
{
    private readonly ITokenStore _tokens = store.Tokens;

    /// <summary>
    /// A token for the login, when the password is right and the login's attempts from <paramref name="clientAddress"/>
    /// are not used up (spec §4). The attempt is reserved before the password is hashed, so a refused one costs no hash.
    /// </summary>
    public async Task<Result<string>> RequestAsync(string? eid, string? loginName, string? password, string clientAddress, CancellationToken cancellationToken)
    {
        var missing = Rules.Required(eid, "eid") ?? Rules.Required(loginName, "loginName") ?? Rules.Required(password, "password");
        if (missing is { } failure)
        {
            return failure;
        }
        var key = new LoginAttemptKey(eid!, loginName!, clientAddress);
        var reserved = await _tokens.ReserveLoginAttemptAsync(key, time.GetUtcNow(), options.Lockout, cancellationToken);
        if (reserved is null)
        {
            counts.Refuse();
            return Failures.LoginFailed;
        }
        var checkedWrong = false;
        UserCredentials? credentials = null;
        try
        {
            (var checkedPassword, credentials) = await VerifyAsync(key, password!, cancellationToken);
            checkedWrong = checkedPassword && credentials is null;
        }
        finally
        {
            // Only a checked wrong password counts. A right one, one turned away unchecked because too many hashes were
            // running, and one that failed or was cancelled before its check give the attempt back, so a busy server or
            // a database blip never locks out right logins, and a flood still gets no more than the threshold checked.
            // The refund runs even when the request was cancelled meanwhile.
            if (!checkedWrong)
            {
                await _tokens.RefundLoginAttemptAsync(key, reserved.WindowStart, options.Lockout, CancellationToken.None);
            }
        }
        if (credentials is null)
        {
            return Failures.LoginFailed;
        }
        var now = time.GetUtcNow();
        if (!credentials.Account.MayUseApi(now))
        {
            return Failures.PermissionDenied;
        }
        var token = TokenCodec.NewToken();
        await _tokens.CreateTokenAsync(TokenCodec.Hash(token), credentials.Account.UserId, now, now + options.MaxLifetime, cancellationToken);
        return Result<string>.Ok(token);
    }

    public async Task<Result> ReleaseAsync(string? token, CancellationToken cancellationToken)
    {
        var session = await FindLiveAsync(token, cancellationToken);
        if (session is null || !await _tokens.ReleaseTokenAsync(session.TokenId, time.GetUtcNow(), cancellationToken))
        {
            return Failures.TokenInvalid;
        }
        cache.Remove(Key(token!));
        return Result.Ok();
    }

    public async Task<Result<Caller>> AuthenticateAsync(string? token, CancellationToken cancellationToken)
    {
        var session = await FindLiveAsync(token, cancellationToken);
        if (session is null)
        {
            return Failures.TokenInvalid;
        }
        var now = time.GetUtcNow();
        if (!session.Account.MayUseApi(now))
        {
            return Failures.PermissionDenied;
        }
        if (now - session.LastUsedAt >= options.TouchInterval)
        {
            var readAt = cache.Version;
            await _tokens.TouchTokenAsync(session.TokenId, now, cancellationToken);
            cache.Update(Key(token!), session with { LastUsedAt = now }, readAt);
        }
        var account = session.Account;
        return Result<Caller>.Ok(new Caller(account.UserId, account.TenantId, account.Eid, account.LoginName, account.IsSystemAdministrator, session.TokenId));
    }

    /// <summary>
    /// The token's session when it is live now: from the cache, or from the store when not cached or when the cached
    /// copy looks idle (another instance may have used the token since).
    /// </summary>
    private async Task<TokenSession?> FindLiveAsync(string? token, CancellationToken cancellationToken)
    {
        if (!TokenCodec.IsWellFormed(token))
        {
            return null;
        }
        var key = Key(token!);
        var now = time.GetUtcNow();
        if (cache.TryGet(key, out var cached) && IsLive(cached, now))
        {
            return cached;
        }
        var readAt = cache.Version;
        var session = await _tokens.FindTokenAsync(TokenCodec.Hash(token!), cancellationToken);
        if (session is null || !IsLive(session, now))
        {
            cache.Remove(key);
            return null;
        }
        cache.Put(key, session, readAt);
        return session;
    }

    /// <summary>
    /// Whether the password was checked (false: no turn to hash came in time), and the credentials when it was right;
    /// null credentials when it is wrong or the login unknown (verified against a decoy all the same, so the answer takes
    /// as long whatever the reason).
    /// </summary>
    private async Task<(bool Checked, UserCredentials? Credentials)> VerifyAsync(LoginAttemptKey key, string password, CancellationToken cancellationToken)
    {
        var credentials = await _tokens.FindCredentialsAsync(key.Eid, key.LoginName, cancellationToken);
        using var turn = await gate.EnterAsync(Keys.Fold(key.Eid) + "\n" + Keys.Fold(key.LoginName), cancellationToken);
        if (turn is null)
        {
            counts.TurnAway();
            return (false, null);
        }
        var right = hasher.Verify(PasswordHasher.Md5Hex(password), credentials?.PasswordHash) && credentials is not null;
        counts.Verified(right);
        return (true, right ? credentials : null);
    }

    private bool IsLive(TokenSession session, DateTimeOffset now) =>
        session.ReleasedAt is null && now < session.ExpiresAt && now - session.LastUsedAt < options.IdleTimeout;

    private static string Key(string token) => Convert.ToHexString(TokenCodec.Hash(token));
}
