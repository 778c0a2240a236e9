namespace Provisioning.Storage.Sqlite;

/// <summary>
/// One change in the store's health, reported once per episode so a host logs a line, not a trace per request.
/// <paramref name="FailedWrites"/> counts the writes refused in the episode (known when it ends).
/// </summary>
public sealed record SqliteHealthEvent(SqliteHealthChange Change, string Reason, long FailedWrites);
