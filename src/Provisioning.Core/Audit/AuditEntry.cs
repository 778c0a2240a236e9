namespace Provisioning.Core.Audit;

/// <summary>A recorded change: when, where, by whom (login and token id), through which operation, on what, from what to what (JSON).</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string? Eid,
    string Login,
    long? TokenId,
    string Operation,
    string Entity,
    string Key,
    string? Before,
    string? After);
