namespace Provisioning.Core.Security;

/// <summary>Who is acting: the holder of a valid token, with the environment it belongs to.</summary>
public sealed record Caller(long UserId, long TenantId, string Eid, string LoginName, bool IsSystemAdministrator, long TokenId)
{
    public bool MayActOn(long tenantId) => IsSystemAdministrator || tenantId == TenantId;

    /// <summary>
    /// The operator at the command line: a System Administrator acting on the database directly, with no user or token of
    /// its own (ids 0, which no stored row has), so the services apply the same rules and messages as to the API.
    /// </summary>
    public static Caller Operator(string name) => new(0, 0, string.Empty, name, IsSystemAdministrator: true, TokenId: 0);
}
