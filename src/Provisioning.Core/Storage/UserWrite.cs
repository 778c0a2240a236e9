using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>
/// A user to store with everything embedded in it, all or nothing. <see cref="PasswordHash"/> is the slow hash, or null
/// to keep the stored one on update. <see cref="User"/> has <see cref="User.TenantId"/> set, and on update its id; its
/// extensions are <see cref="Extensions"/> (the user's own list is not read).
/// </summary>
public sealed record UserWrite(User User, string? PasswordHash)
{
    public IReadOnlyList<ExtensionWrite> Extensions { get; init; } = [];

    /// <summary>
    /// On update: what the stored user must satisfy when the write's transaction reads it (under the environment's lock),
    /// else the write is refused with <see cref="Results.Failures.ChangedMeanwhile"/> and changes nothing. Null: no condition.
    /// </summary>
    public Func<User, bool>? Expected { get; init; }
}
