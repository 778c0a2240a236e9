using Provisioning.Core.Audit;

namespace Provisioning.Core.Security;

/// <summary>
/// Who is acting: the holder of a valid token, with the environment it belongs to, and the operation it is calling
/// (set by the front); what it changes is audited for it (<see cref="ActorAt"/>).
/// </summary>
public sealed record Caller(long UserId, long TenantId, string Eid, string LoginName, bool IsSystemAdministrator, long TokenId)
{
    /// <summary>The operation as the audit log names it: "v3:createUser", "cli:users add".</summary>
    public string Operation { get; init; } = "unknown";

    public bool MayActOn(long tenantId) => IsSystemAdministrator || tenantId == TenantId;

    /// <summary>
    /// The front a token holder acts through when it is not the API: "web" for the console, whose changes are audited
    /// as "web:eid:login" (issue #18), so a change in the browser is told apart from one by the same login over SOAP.
    /// </summary>
    public string? Channel { get; init; }

    /// <summary>
    /// The actor of a change made at <paramref name="at"/>: the token holder as "eid:login" (after its channel and a
    /// colon if it has one) with its token id, or the operator by name.
    /// </summary>
    public AuditActor ActorAt(DateTimeOffset at) =>
        TokenId == 0
            ? new AuditActor(at, LoginName, null, Operation)
            : new AuditActor(at, Channel is null ? $"{Eid}:{LoginName}" : $"{Channel}:{Eid}:{LoginName}", TokenId, Operation);

    /// <summary>
    /// The operator at the command line: a System Administrator acting on the database directly, with no user or token of
    /// its own (ids 0, which no stored row has), so the services apply the same rules and messages as to the API.
    /// </summary>
    public static Caller Operator(string name) => new(0, 0, string.Empty, name, IsSystemAdministrator: true, TokenId: 0);

    /// <summary>Start-up work (the first administrator): recorded as "system".</summary>
    public static Caller System { get; } = Operator("system") with { Operation = "system" };
}
