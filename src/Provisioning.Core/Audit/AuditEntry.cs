namespace Provisioning.Core.Audit;

/// <summary>
/// A recorded change: when, where, by whom (login and token id), through which operation, on what, from what to what
/// (JSON); once sealed, its place in the chain and its chain hash (<see cref="AuditChain"/>), null until then.
/// </summary>
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
    string? After,
    long? Position = null,
    byte[]? Hash = null);
