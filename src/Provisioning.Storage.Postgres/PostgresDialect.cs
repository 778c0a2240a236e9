namespace Provisioning.Storage.Postgres;

/// <summary>PostgreSQL's spelling of the fragments the shared SQL leaves open.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    public static PostgresDialect Instance { get; } = new();

    /// <summary>The list is bound as an array (see <see cref="PostgresSqlSession"/>).</summary>
    public override string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    /// <summary>
    /// An array computed once (an InitPlan) and compared per row. As a join or IN, PostgreSQL estimated the environment's
    /// share of the extensions at 1/200 whatever the statistics said, and chose to read and sort every one for each page.
    /// </summary>
    public override string AmongRowsOf(string column, string subquery) => $"{column} = ANY(ARRAY({subquery}))";

    /// <summary>strpos, not LIKE, so that '%' and '_' in the value are plain characters, as with SQLite's instr.</summary>
    public override string Contains(string column, string parameter) => $"strpos({column}, {parameter}) > 0";

    /// <summary>
    /// LIKE on a literal, which the trigram index of migration 0009 serves. Not a parameter: after five executions
    /// Npgsql's automatic preparation let PostgreSQL switch to a generic plan, which cannot know the pattern's trigrams
    /// and read every row. In the pattern '%', '_' and '\' are escaped, so they are plain characters as with strpos;
    /// in the E'' literal every backslash and quote is escaped again. A key PostgreSQL cannot hold in text (NUL) keeps
    /// the parameter, which refuses it as it always did.
    /// </summary>
    public override string AddressContains(string parameter, string key, out object? search)
    {
        search = null;
        if (!Indexable(key) || key.Contains('\0', StringComparison.Ordinal))
        {
            return Contains("e.address_key", parameter);
        }
        var pattern = key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        var literal = ("%" + pattern + "%").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal);
        return $"e.address_key LIKE E'{literal}'";
    }

    public override string Greatest(string a, string b) => $"GREATEST({a}, {b})";

    /// <summary>Several writers: a row read to be changed is locked until the transaction ends.</summary>
    public override string ForUpdate(string alias) => $" FOR UPDATE OF {alias}";

    /// <summary>
    /// Below the statement snapshot's oldest running transaction that may be of this database, every transaction that
    /// could write the change log has finished (see migration 0005). pg_snapshot_xmin alone would count the whole
    /// cluster, so another database's long transaction (a migration, a session idle in transaction) would hold this
    /// one's revisions back. A running transaction is passed over only while a session of another database shows it
    /// as its own (pg_stat_activity, read after the snapshot; xid there is 32-bit): one that ended meanwhile, a
    /// prepared one, or one whose session cannot be seen still counts, which can only delay a revision, never skip a change.
    /// </summary>
    public override string Settled(string column) => SettledBelow(column);

    private static string SettledBelow(string column) =>
        $"{column} < (SELECT COALESCE(MIN(x::text::bigint), pg_snapshot_xmax(pg_current_snapshot())::text::bigint) "
        + "FROM pg_snapshot_xip(pg_current_snapshot()) x WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a "
        + "WHERE a.datname <> current_database() AND a.backend_xid::text::bigint = x::text::bigint % 4294967296))";

    /// <summary>
    /// Entries of settled transactions only, by (xid, id): every transaction that could still write one that sorts
    /// before them has finished (see <see cref="Settled"/>), so the chain never has to take one in behind another.
    /// </summary>
    public override AuditChainSql AuditChain { get; } = new(
        PositionIsId: false,
        Sealed: "position IS NOT NULL",
        Unsealed: "position IS NULL AND " + SettledBelow("xid"),
        SealOrder: "xid, id",
        ChainOrder: "position, id",
        After: "(position > @position OR (position = @position AND id > @id))",
        Through: "position <= @through",
        At: "position = @position",
        SealOne: "UPDATE audit_log SET position = @position, hash = @hash WHERE id = @id",
        Table: "audit_log");

    public override object Partitions(IReadOnlyList<int> partitions) => partitions.ToArray();

    public override string RolesOf(string userId) => $"ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = {userId} ORDER BY r.position)";
}
