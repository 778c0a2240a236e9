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

    public override string Greatest(string a, string b) => $"GREATEST({a}, {b})";

    /// <summary>Several writers: a row read to be changed is locked until the transaction ends.</summary>
    public override string ForUpdate(string alias) => $" FOR UPDATE OF {alias}";

    /// <summary>Every transaction below the snapshot's oldest running one has finished (see migration 0005).</summary>
    public override string Settled(string column) => $"{column} < pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

    public override object Partitions(IReadOnlyList<int> partitions) => partitions.ToArray();

    public override string RolesOf(string userId) => $"ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = {userId} ORDER BY r.position)";
}
