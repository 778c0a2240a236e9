using Provisioning.Core.Security;

namespace Provisioning.Core.Storage;

/// <summary>Tokens (stored by hash only), credentials and the failed-login throttle.</summary>
public interface ITokenStore
{
    /// <summary>The credentials of a login of an environment named by eid, both ignoring case; null when either is unknown.</summary>
    Task<UserCredentials?> FindCredentialsAsync(string eid, string loginName, CancellationToken cancellationToken);

    Task<LoginThrottle?> GetThrottleAsync(string eid, string loginName, CancellationToken cancellationToken);

    /// <summary>Counts one failure atomically (concurrent failures are all counted) and returns the new state.</summary>
    Task<LoginThrottle> RegisterFailureAsync(string eid, string loginName, DateTimeOffset now, LockoutPolicy policy, CancellationToken cancellationToken);

    Task ClearThrottleAsync(string eid, string loginName, CancellationToken cancellationToken);

    Task<long> CreateTokenAsync(byte[] hash, long userId, DateTimeOffset issuedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task<TokenSession?> FindTokenAsync(byte[] hash, CancellationToken cancellationToken);

    /// <summary>Stored tokens by id (never their value), of one user or of all; released and expired ones too, until purged.</summary>
    Task<IReadOnlyList<TokenSession>> ListTokensAsync(long? userId, int limit, CancellationToken cancellationToken);

    /// <summary>Marks the token released; false when it was released already.</summary>
    Task<bool> ReleaseTokenAsync(long tokenId, DateTimeOffset now, CancellationToken cancellationToken);

    Task TouchTokenAsync(long tokenId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many tokens are live at <paramref name="now"/>: not released, not expired, used within <paramref name="idleTimeout"/>.</summary>
    Task<int> CountLiveTokensAsync(DateTimeOffset now, TimeSpan idleTimeout, CancellationToken cancellationToken);

    /// <summary>Removes tokens that expired or were released before <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeTokensAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
