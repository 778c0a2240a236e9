namespace Provisioning.Storage;

/// <summary>
/// How a store orders and finds the audit chain (docs/AUDIT.md). SQLite commits in id order, so an entry's position is
/// its id and "sealed" its hash not being the zeros it is written with; PostgreSQL chains settled transactions' entries
/// by (xid, id) into a position column. Conditions use @id, @position and @through. <c>Table</c> is where entries are
/// removed (SQLite: audit_entries, behind the view audit_log that reads them).
/// </summary>
internal sealed record AuditChainSql(
    bool PositionIsId,
    string Sealed,
    string Unsealed,
    string SealOrder,
    string ChainOrder,
    string After,
    string Through,
    string At,
    string SealOne,
    string Table);
