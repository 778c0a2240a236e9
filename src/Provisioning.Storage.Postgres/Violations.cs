using Npgsql;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// Constraint violations that a concurrent writer on another connection (or another server instance) can cause after
/// the store's own checks passed, recognised by SQLSTATE and constraint name, never by message text.
/// </summary>
internal static class Violations
{
    private static readonly Dictionary<string, StoreConflict> Known = new(StringComparer.Ordinal)
    {
        ["tenants_eid_key_unique"] = new(WriteStatus.Duplicate, StoreKey.Eid),
        ["tenants_short_name_key_unique"] = new(WriteStatus.Duplicate, StoreKey.ShortName),
        ["users_login_unique"] = new(WriteStatus.Duplicate, StoreKey.LoginName),
        ["groups_name_unique"] = new(WriteStatus.Duplicate, StoreKey.GroupName),
        ["extensions_address_unique"] = new(WriteStatus.Duplicate, StoreKey.Extension),
        ["recorders_name_unique"] = new(WriteStatus.Duplicate, StoreKey.Recorder),
        ["storage_folders_name_unique"] = new(WriteStatus.Duplicate, StoreKey.StorageFolderName),
        ["storage_policies_name_unique"] = new(WriteStatus.Duplicate, StoreKey.StoragePolicyName),
        ["storage_policies_folder_id_fkey"] = new(WriteStatus.MissingReference, StoreKey.StorageFolder),
        ["extensions_user_id_fkey"] = new(WriteStatus.MissingReference, StoreKey.User),
        ["users_observer_user_id_fkey"] = new(WriteStatus.MissingReference, StoreKey.ObserverUser),
        ["users_observer_group_id_fkey"] = new(WriteStatus.MissingReference, StoreKey.ObserverGroup),
    };

    /// <summary>The write result a violation stands for, or null when it is not one the stores expect (a bug).</summary>
    public static StoreConflict? ToConflict(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation
        && e.ConstraintName is { } name && Known.TryGetValue(name, out var known)
            ? known
            : null;

    /// <summary>Failures that say only that this attempt lost a race and may simply be run again.</summary>
    public static bool IsTransient(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    /// <summary>
    /// Failures that say the connection itself is gone: the server shut down or restarted (class 57P), the connection
    /// broke (class 08), or the socket did. Timeouts are not among them: a slow server keeps its connections.
    /// </summary>
    public static bool IsConnectionLost(NpgsqlException e) => e is PostgresException pg
        ? pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal)
        : e.InnerException is IOException or System.Net.Sockets.SocketException;
}
