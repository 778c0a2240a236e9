using Provisioning.Core.Security;

namespace Provisioning.Core.Storage;

/// <summary>Tokens (stored by hash only), credentials and the failed-login throttle.</summary>
public interface ITokenStore
{
    /// <summary>The credentials of a login of an environment named by eid, both ignoring case; null when either is unknown.</summary>
    Task<UserCredentials?> FindCredentialsAsync(string eid, string loginName, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves one password attempt for <paramref name="key"/> (eid and login ignoring case, the address as given) in
    /// one atomic step, under the rules of <see cref="LoginThrottle.Reserve"/>: concurrent reservations, from any
    /// instance, each see the ones before. Returns the new state, or null when the attempt is refused.
    /// </summary>
    Task<LoginThrottle?> ReserveLoginAttemptAsync(LoginAttemptKey key, DateTimeOffset now, LockoutPolicy policy, CancellationToken cancellationToken);

    /// <summary>Gives back an attempt reserved in the window that began at <paramref name="windowStart"/>, under the rules of <see cref="LoginThrottle.Refund"/>.</summary>
    Task RefundLoginAttemptAsync(LoginAttemptKey key, DateTimeOffset windowStart, LockoutPolicy policy, CancellationToken cancellationToken);

    /// <summary>The attempts counted for <paramref name="key"/>; null when none are.</summary>
    Task<LoginThrottle?> GetLoginAttemptsAsync(LoginAttemptKey key, CancellationToken cancellationToken);

    Task<long> CreateTokenAsync(byte[] hash, long userId, DateTimeOffset issuedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task<TokenSession?> FindTokenAsync(byte[] hash, CancellationToken cancellationToken);

    /// <summary>Stored tokens by id (never their value), of one user or of all; released and expired ones too, until purged.</summary>
    Task<IReadOnlyList<TokenSession>> ListTokensAsync(long? userId, int limit, CancellationToken cancellationToken);

    /// <summary>Marks the token released; false when it was released already.</summary>
    Task<bool> ReleaseTokenAsync(long tokenId, DateTimeOffset now, CancellationToken cancellationToken);

    Task TouchTokenAsync(long tokenId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many tokens are live at <paramref name="now"/>: not released, not expired, used within <paramref name="idleTimeout"/>.</summary>
    Task<int> CountLiveTokensAsync(DateTimeOffset now, TimeSpan idleTimeout, CancellationToken cancellationToken);

    /// <summary>
    /// Removes tokens that expired or were released before <paramref name="before"/> and returns how many; counted login
    /// attempts whose window and lockout ended before it go too, as they no longer count.
    /// </summary>
    Task<int> PurgeTokensAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
