namespace Provisioning.Core.Audit;

/// <summary>
/// The audit entry of a prune (entity "audit", key "archive", no environment): how many entries were removed, the
/// positions of the first and the last, the last one's hash (what the live chain now follows), the time they were all
/// older than, and the archive file that holds them.
/// </summary>
public sealed record AuditPrune(long Removed, long FirstPosition, long LastPosition, string LastHash, DateTimeOffset Before, string File)
{
    public const string Entity = "audit";
    public const string Key = "archive";
}
