namespace Provisioning.Core.Audit;

/// <summary>What a break in the chain shows was done: an entry changed, entries removed, an entry put in.</summary>
public enum AuditBreakKind
{
    Changed,
    Removed,
    Inserted,
}
