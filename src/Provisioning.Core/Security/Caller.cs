namespace Provisioning.Core.Security;

/// <summary>Who is acting: the holder of a valid token, with the environment it belongs to.</summary>
public sealed record Caller(long UserId, long TenantId, string Eid, string LoginName, bool IsSystemAdministrator, long TokenId)
{
    public bool MayActOn(long tenantId) => IsSystemAdministrator || tenantId == TenantId;
}
