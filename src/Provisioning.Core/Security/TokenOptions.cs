namespace Provisioning.Core.Security;

/// <summary>Token lifetimes (Provisioning:Tokens) and the login lockout (Provisioning:Security).</summary>
public sealed record TokenOptions
{
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan MaxLifetime { get; init; } = TimeSpan.FromHours(24);

    public LockoutPolicy Lockout { get; init; } = new(5, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));

    /// <summary>
    /// How stale the stored last-use time may get before a request writes it again: a write per request would make every
    /// read a write. Idle expiry is therefore exact to within this much.
    /// </summary>
    public TimeSpan TouchInterval => IdleTimeout / 60;
}
