namespace Provisioning.Storage.Sqlite;

/// <summary>SQLite's spelling of the fragments the shared SQL leaves open.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    /// <summary>The list is bound as a JSON array (see <see cref="SqliteSqlSession"/>).</summary>
    public override string InList(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    /// <summary>The unary plus keeps SQLite from using an index on the column, which it would prefer without statistics.</summary>
    public override string AmongRowsOf(string column, string subquery) => $"+{column} IN ({subquery})";

    public override string Contains(string column, string parameter) => $"instr({column}, {parameter}) > 0";

    /// <summary>
    /// The trigram table yields the ids of the candidates (a phrase of the key's trigrams, in order), instr confirms each.
    /// The key is quoted as one FTS5 string, its double quotes doubled, so no character of it is query syntax.
    /// </summary>
    public override string AddressContains(string parameter, string key, out object? search)
    {
        var scan = Contains("e.address_key", parameter);
        if (!Indexable(key))
        {
            search = null;
            return scan;
        }
        search = "\"" + key.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return $"e.id IN (SELECT rowid FROM extensions_address_search WHERE extensions_address_search MATCH @search) AND {scan}";
    }

    public override string Greatest(string a, string b) => $"MAX({a}, {b})";

    public override string Settled(string column) => "TRUE";

    /// <summary>One writer commits in id order: the chain is the table in id order, an entry's position its id.</summary>
    public override AuditChainSql AuditChain { get; } = new(
        PositionIsId: true,
        Sealed: $"hash <> {Unsealed}",
        Unsealed: $"id > (SELECT position FROM audit_chain) AND hash = {Unsealed}",
        SealOrder: "id",
        ChainOrder: "id",
        After: "id > @id",
        Through: "id <= @through",
        At: "id = @position",
        SealOne: "UPDATE audit_entries SET hash = @hash WHERE id = @id",
        Table: "audit_entries");

    /// <summary>What an entry's hash is until it is sealed (migration 0007).</summary>
    private const string Unsealed = "X'0000000000000000000000000000000000000000000000000000000000000000'";

    /// <summary>One writer at a time: nothing read in a write can change under it.</summary>
    public override string ForUpdate(string alias) => string.Empty;

    public override object Partitions(IReadOnlyList<int> partitions) => string.Join(',', partitions);

    public override string RolesOf(string userId) =>
        $"(SELECT json_group_array(role) FROM (SELECT role FROM user_roles r WHERE r.user_id = {userId} ORDER BY r.position))";
}
