namespace Provisioning.Core.Audit;

/// <summary>Who changes what, and through which operation: the token holder's login and token id (never the token).</summary>
public sealed record AuditActor(DateTimeOffset At, string Login, long? TokenId, string Operation);
