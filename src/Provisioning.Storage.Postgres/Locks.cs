namespace Provisioning.Storage.Postgres;

/// <summary>
/// Transaction-scoped advisory locks for the rules that span rows, which no unique index can hold across server
/// instances: they serialise only the writes that could break them, and go with the transaction's end.
/// Order, to rule out deadlocks: an environment's membership lock first, then the administrators' lock.
/// </summary>
internal static class Locks
{
    // "prov": the first key of every lock of this store, so other users of the database do not collide with it.
    private const int Store = 0x70726F76;
    private const int Memberships = Store + 1;

    /// <summary>Held while migrating, so instances starting together migrate once, one after the other.</summary>
    public static Task MigrationsAsync(Db db) => db.ExecuteAsync("SELECT pg_advisory_xact_lock(@k, 0)", ("@k", Store));

    /// <summary>Held by a write that could remove an unlocked System Administrator, around its count before and after.</summary>
    public static Task AdministratorsAsync(Db db) => db.ExecuteAsync("SELECT pg_advisory_xact_lock(@k, 1)", ("@k", Store));

    /// <summary>Held by the audit chain's sealer and prune, so one chain grows and shrinks in one line across instances.</summary>
    public static Task AuditChainAsync(Db db) => db.ExecuteAsync("SELECT pg_advisory_xact_lock(@k, 2)", ("@k", Store));

    /// <summary>
    /// Held by every write that changes the memberships of an environment's users (user and group writes), so the check
    /// "exactly one primary group per user" and the write it guards see no other such write in between.
    /// </summary>
    public static Task MembershipsAsync(Db db, long tenantId) =>
        db.ExecuteAsync("SELECT pg_advisory_xact_lock(@k, @t)", ("@k", Memberships), ("@t", (int)(tenantId % int.MaxValue)));
}
