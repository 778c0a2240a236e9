namespace Provisioning.Core.Security;

/// <summary>A login's stored password hash (null when none was ever set) and its account state.</summary>
public sealed record UserCredentials(AccountState Account, string? PasswordHash);
