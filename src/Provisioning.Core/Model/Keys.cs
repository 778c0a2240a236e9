namespace Provisioning.Core.Model;

/// <summary>
/// Natural keys compare without regard to case. Every store keeps a folded copy of each such value in its own column,
/// with a unique index on it, so both stores fold the same way (ours, not the database collation's).
/// </summary>
public static class Keys
{
    public static string Fold(string value) => value.ToLowerInvariant();
}
