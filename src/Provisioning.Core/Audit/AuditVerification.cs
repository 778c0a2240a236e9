namespace Provisioning.Core.Audit;

/// <summary>
/// The outcome of walking a chain: how many sealed entries verified, how many at its end are not sealed yet, the
/// anchor it started from and the last entry that verified, and the first break (none: intact).
/// </summary>
public sealed record AuditVerification(long Verified, long Unsealed, AuditAnchor Start, AuditAnchor End, AuditBreak? Break)
{
    public bool Intact => Break is null;
}
