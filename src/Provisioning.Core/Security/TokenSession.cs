namespace Provisioning.Core.Security;

/// <summary>A stored token (by id, never by value) with the state of the account that holds it.</summary>
public sealed record TokenSession(
    long TokenId,
    AccountState Account,
    DateTimeOffset IssuedAt,
    DateTimeOffset LastUsedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? ReleasedAt);
