namespace Provisioning.Core.Security;

/// <summary>What decides whether a user may hold a token: its environment, lock, validity and roles.</summary>
public sealed record AccountState(
    long UserId,
    long TenantId,
    string Eid,
    string LoginName,
    bool Locked,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    IReadOnlyList<string> Roles)
{
    public bool IsSystemAdministrator => Security.Roles.Holds(Roles, Security.Roles.SystemAdministrator);

    /// <summary>Not locked, within validity, and holding a role that carries rights.</summary>
    public bool MayUseApi(DateTimeOffset now) =>
        !Locked
        && (ValidFrom is null || ValidFrom <= now)
        && (ValidTo is null || now < ValidTo)
        && (IsSystemAdministrator || Security.Roles.Holds(Roles, Security.Roles.Administrator));
}
